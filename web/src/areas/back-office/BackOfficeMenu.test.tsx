// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../AppRoutes.js';
import {
  errorResponse,
  jsonResponse,
  mockFetch,
  renderApp,
  staffUser,
} from '../../test-support/renderApp.js';
import { selectedMenuKey } from './BackOfficeMenu.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function signedInAs(permissions: string[]) {
  mockFetch((url) =>
    url === '/api/auth/me'
      ? jsonResponse(200, { user: staffUser({ permissions }), csrfToken: 'csrf-1' })
      : errorResponse(404, 'NOT_FOUND', 'Không tìm thấy'),
  );
}

async function menu() {
  return within(await screen.findByRole('menu', { name: 'Quản trị' }));
}

describe('back-office menu', () => {
  it('hides administration pages from a user without the permissions', async () => {
    signedInAs([]);
    renderApp(<AppRoutes />, { route: '/quan-tri', language: 'vi' });
    const m = await menu();
    expect(m.getByText('Tổng quan')).toBeTruthy();
    expect(m.getByText('Đổi mật khẩu')).toBeTruthy();
    expect(m.queryByText('Người dùng')).toBeNull();
    expect(m.queryByText('Đơn vị hành chính')).toBeNull();
    expect(m.queryByText('Ngày nghỉ, ngày làm bù')).toBeNull();
    expect(m.queryByText('Vai trò và quyền')).toBeNull();
    expect(m.queryByText('Nhật ký kiểm toán')).toBeNull();
  });

  it('shows each administration page only with its permission', async () => {
    signedInAs(['users.manage', 'calendar.read']);
    renderApp(<AppRoutes />, { route: '/quan-tri', language: 'vi' });
    const m = await menu();
    expect(m.getByText('Người dùng')).toBeTruthy();
    expect(m.getByText('Ngày nghỉ, ngày làm bù')).toBeTruthy();
    expect(m.queryByText('Đơn vị hành chính')).toBeNull();
    expect(await screen.findByText('Bạn đang làm việc tại Thành phố Hà Nội.')).toBeTruthy();
  });

  it('shows roles to user administrators and the audit log to auditors', async () => {
    signedInAs(['users.read']);
    renderApp(<AppRoutes />, { route: '/quan-tri', language: 'vi' });
    let m = await menu();
    expect(m.getByText('Vai trò và quyền')).toBeTruthy();
    expect(m.queryByText('Nhật ký kiểm toán')).toBeNull();
    cleanup();

    signedInAs(['audit.read']);
    renderApp(<AppRoutes />, { route: '/quan-tri', language: 'vi' });
    m = await menu();
    expect(m.getByText('Nhật ký kiểm toán')).toBeTruthy();
    expect(m.queryByText('Vai trò và quyền')).toBeNull();
    expect(selectedMenuKey('/quan-tri/nhat-ky')).toBe('/quan-tri/nhat-ky');
  });

  it('sends a visitor without a session to the sign-in page', async () => {
    mockFetch(() => errorResponse(401, 'UNAUTHENTICATED', 'Chưa đăng nhập hoặc phiên đã hết hạn'));
    renderApp(<AppRoutes />, { route: '/quan-tri/nguoi-dung', language: 'vi' });
    expect(await screen.findByRole('heading', { name: 'Đăng nhập cán bộ' })).toBeTruthy();
  });

  it('refuses an administration page opened directly without the permission', async () => {
    signedInAs(['units.read']);
    renderApp(<AppRoutes />, { route: '/quan-tri/nguoi-dung', language: 'vi' });
    expect(await screen.findByText('Không có quyền truy cập')).toBeTruthy();
  });

  it('sends an administrator without two-factor authentication to set it up first', async () => {
    mockFetch((url) =>
      url === '/api/auth/me'
        ? jsonResponse(200, {
            user: { ...staffUser({ totpEnabled: false }), restriction: 'mfa_enrollment' },
            csrfToken: 'csrf-1',
          })
        : errorResponse(404, 'NOT_FOUND', 'Không tìm thấy'),
    );
    renderApp(<AppRoutes />, { route: '/quan-tri/nguoi-dung', language: 'vi' });
    expect(await screen.findByRole('heading', { name: 'Xác thực hai lớp (TOTP)' })).toBeTruthy();
    expect(screen.getByText(/phải bật xác thực hai lớp/)).toBeTruthy();
  });

  it('highlights the entry a nested path belongs to', () => {
    expect(selectedMenuKey('/quan-tri')).toBe('/quan-tri');
    expect(selectedMenuKey('/quan-tri/nguoi-dung/')).toBe('/quan-tri/nguoi-dung');
    expect(selectedMenuKey('/quan-tri/khong-co')).toBe('/quan-tri');
  });
});
