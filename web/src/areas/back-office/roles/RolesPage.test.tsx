// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../../AppRoutes.js';
import {
  errorResponse,
  jsonResponse,
  mockFetch,
  renderApp,
  staffUser,
} from '../../../test-support/renderApp.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const roles = {
  items: [
    {
      role: 'system_admin',
      label: { vi: 'Quản trị hệ thống', en: 'System administrator' },
      privileged: true,
      permissions: ['audit.read', 'audit.verify', 'users.manage'],
    },
    {
      role: 'leader',
      label: { vi: 'Lãnh đạo', en: 'Leader' },
      privileged: false,
      permissions: ['reports.export', 'users.read'],
    },
    {
      role: 'agency_client',
      label: { vi: 'Cơ quan kết nối', en: 'Connected agency' },
      privileged: false,
      permissions: [],
    },
  ],
};

function serve(permissions: string[], rolesResponse: () => Response = () => jsonResponse(200, roles)) {
  return mockFetch((url) => {
    if (url === '/api/auth/me')
      return jsonResponse(200, { user: staffUser({ permissions }), csrfToken: 'csrf-1' });
    if (url === '/api/admin/roles') return rolesResponse();
    return errorResponse(404, 'NOT_FOUND', 'Không tìm thấy');
  });
}

async function rowElement(text: string) {
  const row = (await screen.findByText(text)).closest('tr');
  if (!row) throw new Error(`no table row for ${text}`);
  return row;
}

const rowOf = async (text: string) => within(await rowElement(text));

/** The permission tags of a role's row, in the order shown. */
const tagsOf = async (text: string) =>
  [...(await rowElement(text)).querySelectorAll('.tag-group .ant-tag')].map((tag) => tag.textContent);

describe('roles and permissions page', () => {
  it('lists each role with its permissions in Vietnamese and marks roles that need two-factor sign-in', async () => {
    serve(['users.read']);
    renderApp(<AppRoutes />, { route: '/quan-tri/vai-tro', language: 'vi' });
    expect(await screen.findByRole('heading', { name: 'Vai trò và quyền' })).toBeTruthy();

    const admin = await rowOf('Quản trị hệ thống');
    expect(admin.getByText('Cần xác thực hai lớp')).toBeTruthy();
    expect(admin.getByText('Xem nhật ký kiểm toán')).toBeTruthy();
    expect(admin.getByText('Kiểm tra toàn vẹn nhật ký')).toBeTruthy();
    expect(admin.getByText('Quản lý người dùng')).toBeTruthy();

    const leader = await rowOf('Lãnh đạo');
    expect(leader.queryByText('Cần xác thực hai lớp')).toBeNull();
    expect(leader.getByText('Xem người dùng')).toBeTruthy();
    // A permission the dictionary does not know is shown as the server names it.
    expect(leader.getByText('reports.export')).toBeTruthy();

    // Grouped by area in the dictionary's order; unknown permissions last.
    expect(await tagsOf('Quản trị hệ thống')).toEqual([
      'Quản lý người dùng',
      'Xem nhật ký kiểm toán',
      'Kiểm tra toàn vẹn nhật ký',
    ]);
    expect(await tagsOf('Lãnh đạo')).toEqual(['Xem người dùng', 'reports.export']);

    const agency = await rowOf('Cơ quan kết nối');
    expect(agency.getByText('Không có quyền nào')).toBeTruthy();
  });

  it('uses the English labels when the interface is in English', async () => {
    serve(['users.manage']);
    renderApp(<AppRoutes />, { route: '/quan-tri/vai-tro', language: 'en' });
    const admin = await rowOf('System administrator');
    expect(admin.getByText('Requires two-factor authentication')).toBeTruthy();
    expect(admin.getByText('Verify the audit log')).toBeTruthy();
    expect(screen.queryByText('Quản trị hệ thống')).toBeNull();
  });

  it('opens for any staff user, though only user administrators see it in the menu', async () => {
    serve([]);
    renderApp(<AppRoutes />, { route: '/quan-tri/vai-tro', language: 'vi' });
    expect(await screen.findByText('Quản trị hệ thống')).toBeTruthy();
    const menu = within(screen.getByRole('menu', { name: 'Quản trị' }));
    expect(menu.queryByText('Vai trò và quyền')).toBeNull();
  });

  it('shows the server error when the roles cannot be loaded', async () => {
    serve(['users.read'], () =>
      errorResponse(403, 'FORBIDDEN', 'Bạn không có quyền xem danh mục vai trò', 'req-roles-1'),
    );
    renderApp(<AppRoutes />, { route: '/quan-tri/vai-tro', language: 'vi' });
    expect(await screen.findByText('Bạn không có quyền xem danh mục vai trò')).toBeTruthy();
    expect(screen.getByText('req-roles-1')).toBeTruthy();
  });
});
