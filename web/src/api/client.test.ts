// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CSRF_COOKIE as CONTRACT_CSRF_COOKIE,
  CSRF_HEADER as CONTRACT_CSRF_HEADER,
} from '../../../contracts/common.js';
import { errorResponse, jsonResponse, mockFetch } from '../test-support/renderApp.js';
import { ApiError, CSRF_COOKIE, CSRF_HEADER, api, setApiLanguage, setCsrfToken } from './client.js';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  setApiLanguage('vi');
  // biome-ignore lint/suspicious/noDocumentCookie: clears the cookie the server would have set
  document.cookie = `${CSRF_COOKIE}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
});

const headersOf = (init: RequestInit | undefined) => init?.headers as Record<string, string>;

describe('api client', () => {
  it('uses the CSRF names of the contract', () => {
    expect(CSRF_HEADER).toBe(CONTRACT_CSRF_HEADER);
    expect(CSRF_COOKIE).toBe(CONTRACT_CSRF_COOKIE);
  });

  it('sends the CSRF token from the last session answer on writes only', async () => {
    const fetchMock = mockFetch((url) =>
      url === '/api/auth/me' ? jsonResponse(200, { user: {}, csrfToken: 'from-session' }) : jsonResponse(204),
    );
    await api.get('/api/auth/me');
    await api.post('/api/auth/logout');
    expect(headersOf(fetchMock.mock.calls[0]![1])[CSRF_HEADER]).toBeUndefined();
    expect(headersOf(fetchMock.mock.calls[1]![1])[CSRF_HEADER]).toBe('from-session');
  });

  it('prefers the CSRF cookie when there is one', async () => {
    setCsrfToken('from-session');
    // biome-ignore lint/suspicious/noDocumentCookie: stands in for the cookie the server sets
    document.cookie = `${CSRF_COOKIE}=from-cookie; path=/`;
    const fetchMock = mockFetch(() => jsonResponse(204));
    await api.delete('/api/calendar/overrides/2025-09-01');
    expect(headersOf(fetchMock.mock.calls[0]![1])[CSRF_HEADER]).toBe('from-cookie');
  });

  it('turns error answers into ApiError with the server message and request id', async () => {
    setApiLanguage('en');
    const fetchMock = mockFetch(() =>
      errorResponse(403, 'FORBIDDEN', 'You are not allowed to do this', 'req-9'),
    );
    const error = await api
      .get('/api/admin/users', { query: { q: 'lan', limit: 20, offset: 0 } })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
      message: 'You are not allowed to do this',
      requestId: 'req-9',
    });
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/admin/users?q=lan&limit=20&offset=0');
    expect(headersOf(fetchMock.mock.calls[0]![1])['Accept-Language']).toBe('en');
  });

  it('adds a caller’s headers but keeps its own Accept and language', async () => {
    setApiLanguage('en');
    const fetchMock = mockFetch(() => jsonResponse(200, { items: [] }));
    await api.get('/api/audit', { headers: { 'x-purpose': 'Tra%20c%E1%BB%A9u', 'Accept-Language': 'fr' } });
    const headers = headersOf(fetchMock.mock.calls[0]![1]);
    expect(headers['x-purpose']).toBe('Tra%20c%E1%BB%A9u');
    expect(headers['Accept-Language']).toBe('en');
    expect(headers.Accept).toBe('application/json');
  });

  it('explains in the chosen language when the server cannot be reached or answers oddly', async () => {
    mockFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    await expect(api.get('/api/auth/me')).rejects.toMatchObject({
      code: 'NETWORK',
      message: expect.stringContaining('Không kết nối'),
    });
    mockFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(api.get('/api/auth/me')).rejects.toMatchObject({ status: 502, code: 'UNEXPECTED_RESPONSE' });
  });
});
