// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../AppRoutes.js';
import { LANGUAGE_STORAGE_KEY } from '../i18n/language.js';
import { errorResponse, mockFetch, renderApp } from '../test-support/renderApp.js';

beforeEach(() => {
  localStorage.clear();
  mockFetch(() => errorResponse(401, 'UNAUTHENTICATED', 'Chưa đăng nhập hoặc phiên đã hết hạn'));
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('language switch', () => {
  it('starts in Vietnamese and switches the visible text to English', async () => {
    renderApp(<AppRoutes />, { route: '/' });
    expect(await screen.findByRole('heading', { name: 'Dịch vụ tư pháp trực tuyến' })).toBeTruthy();
    expect(screen.getAllByText('Đăng nhập cán bộ').length).toBeGreaterThan(0);
    expect(document.documentElement.lang).toBe('vi');

    fireEvent.click(screen.getByText('English'));

    expect(await screen.findByRole('heading', { name: 'Online justice services' })).toBeTruthy();
    expect(screen.getAllByText('Staff sign-in').length).toBeGreaterThan(0);
    expect(screen.queryByText('Đăng nhập cán bộ')).toBeNull();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
  });

  it('remembers the choice on the next visit and sends it to the server', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    const fetchMock = mockFetch(() => errorResponse(404, 'NOT_FOUND', 'Not found'));
    renderApp(<AppRoutes />, { route: '/xac-minh/ABC-123' });
    expect(await screen.findByText('Document not found')).toBeTruthy();
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/verify/ABC-123');
    expect((init?.headers as Record<string, string> | undefined)?.['Accept-Language']).toBe('en');
  });
});
