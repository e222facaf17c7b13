// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../../AppRoutes.js';
import type { AuditRow } from '../../../api/audit.js';
import {
  errorResponse,
  type FetchHandler,
  jsonResponse,
  mockFetch,
  renderApp,
  staffUser,
} from '../../../test-support/renderApp.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const HASH = 'a3f1c9e07b2d4c6e8f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a';

function auditRow(seq: number, overrides: Partial<AuditRow> = {}): AuditRow {
  return {
    seq: String(seq),
    at: '2025-09-01T17:05:09.000Z',
    actor_id: '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f',
    actor_kind: 'staff',
    unit_id: '01',
    action: 'user.create',
    object_type: 'user',
    object_id: `u-${seq}`,
    purpose: null,
    request_id: `req-${seq}`,
    ip: '10.0.0.5',
    details: null,
    personal_data: false,
    prev_hash: '0'.repeat(64),
    hash: HASH,
    ...overrides,
  };
}

/** Rows seq `from` down to `from - count + 1`, newest first as the server gives them. */
const rowsFrom = (from: number, count: number) => Array.from({ length: count }, (_, i) => auditRow(from - i));

function serve(permissions: string[], audit: FetchHandler) {
  return mockFetch((url, init) => {
    if (url === '/api/auth/me')
      return jsonResponse(200, { user: staffUser({ permissions }), csrfToken: 'csrf-1' });
    if (url.startsWith('/api/audit')) return audit(url, init);
    return errorResponse(404, 'NOT_FOUND', 'Không tìm thấy');
  });
}

const paramsOf = (url: string) => new URL(url, 'http://localhost').searchParams;
const auditCalls = (fetchMock: ReturnType<typeof mockFetch>) =>
  fetchMock.mock.calls.filter(([url]) => String(url).startsWith('/api/audit?'));

describe('audit log page', () => {
  it('lists entries in Vietnam time with the purpose of this read sent along', async () => {
    const fetchMock = serve(['audit.read'], () =>
      jsonResponse(200, {
        items: [
          auditRow(12, {
            action: 'user.read',
            personal_data: true,
            purpose: 'Quản lý tài khoản cán bộ',
            details: { fields: ['email'], returned: 3 },
          }),
          auditRow(11),
        ],
      }),
    );
    renderApp(<AppRoutes />, { route: '/quan-tri/nhat-ky', language: 'vi' });
    expect(await screen.findByText('Nhật ký kiểm toán', { selector: 'h1' })).toBeTruthy();

    const row = within((await screen.findByText('user.read')).closest('tr')!);
    expect(row.getByText('02/09/2025 00:05:09')).toBeTruthy();
    expect(row.getByText('Dữ liệu cá nhân')).toBeTruthy();
    expect(row.getByText('Quản lý tài khoản cán bộ')).toBeTruthy();
    expect(row.getByText('Cán bộ')).toBeTruthy();
    expect(within(screen.getByText('user.create').closest('tr')!).queryByText('Dữ liệu cá nhân')).toBeNull();
    expect(screen.getByText('Đã hiển thị toàn bộ 2 bản ghi')).toBeTruthy();

    const [url, init] = auditCalls(fetchMock)[0]!;
    expect(paramsOf(String(url)).get('limit')).toBe('50');
    expect(paramsOf(String(url)).has('beforeSeq')).toBe(false);
    const headers = init?.headers as Record<string, string>;
    expect(headers['x-purpose']).toBe(encodeURIComponent('Tra cứu nhật ký kiểm toán'));
    expect(decodeURIComponent(headers['x-purpose']!)).toBe('Tra cứu nhật ký kiểm toán');

    fireEvent.click(row.getByLabelText('Mở rộng dòng'));
    expect(await screen.findByText(/"returned": 3/)).toBeTruthy();
    expect(screen.getAllByText('a3f1c9e07b2d…').length).toBeGreaterThan(0);
    expect(screen.queryByText(HASH)).toBeNull();
  });

  it('loads older entries before the last one shown', async () => {
    const fetchMock = serve(['audit.read'], (url) => {
      const before = paramsOf(url).get('beforeSeq');
      return jsonResponse(200, { items: before ? rowsFrom(Number(before) - 1, 3) : rowsFrom(120, 50) });
    });
    renderApp(<AppRoutes />, { route: '/quan-tri/nhat-ky', language: 'vi' });
    expect(await screen.findByText('Đang hiển thị 50 bản ghi mới nhất')).toBeTruthy();

    fireEvent.click(screen.getByText('Tải thêm'));
    expect(await screen.findByText('Đã hiển thị toàn bộ 53 bản ghi')).toBeTruthy();
    expect(screen.queryByText('Tải thêm')).toBeNull();
    expect(screen.getByText('#68')).toBeTruthy();
    const calls = auditCalls(fetchMock);
    expect(calls).toHaveLength(2);
    expect(paramsOf(String(calls[1]![0])).get('beforeSeq')).toBe('71');
  });

  it('filters by action and object, and clears the filters again', async () => {
    const fetchMock = serve(['audit.read'], () => jsonResponse(200, { items: [] }));
    renderApp(<AppRoutes />, { route: '/quan-tri/nhat-ky', language: 'vi' });
    expect(await screen.findByText('Không có bản ghi nào phù hợp')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Hành động'), { target: { value: ' document.revoke ' } });
    fireEvent.change(screen.getByLabelText('Loại đối tượng'), { target: { value: 'document' } });
    fireEvent.change(screen.getByLabelText('Mã đối tượng'), { target: { value: 'DOC-7' } });
    fireEvent.click(screen.getByText('Lọc'));
    await waitFor(() => expect(auditCalls(fetchMock)).toHaveLength(2));
    const filtered = paramsOf(String(auditCalls(fetchMock)[1]![0]));
    expect(filtered.get('action')).toBe('document.revoke');
    expect(filtered.get('objectType')).toBe('document');
    expect(filtered.get('objectId')).toBe('DOC-7');
    expect(filtered.has('unitId')).toBe(false);

    fireEvent.click(screen.getByText('Xoá bộ lọc'));
    await waitFor(() => expect((screen.getByLabelText('Hành động') as HTMLInputElement).value).toBe(''));
    // Filtering again with the same (empty) filters reloads the newest entries.
    fireEvent.click(screen.getByText('Lọc'));
    await waitFor(() => expect(auditCalls(fetchMock)).toHaveLength(3));
    const cleared = paramsOf(String(auditCalls(fetchMock)[2]![0]));
    expect([...cleared.keys()]).toEqual(['limit']);
  });

  it('offers the chain check only with audit.verify and reports an intact chain', async () => {
    const fetchMock = serve(['audit.read', 'audit.verify'], (url) =>
      url === '/api/audit/verify'
        ? jsonResponse(200, { ok: true, checked: 1234, total: 1234 })
        : jsonResponse(200, { items: [auditRow(1)] }),
    );
    renderApp(<AppRoutes />, { route: '/quan-tri/nhat-ky', language: 'vi' });
    fireEvent.click(await screen.findByText('Kiểm tra toàn vẹn'));
    expect(await screen.findByText('Chuỗi nhật ký toàn vẹn')).toBeTruthy();
    expect(screen.getByText(/Đã kiểm tra 1234 trên 1234 bản ghi/)).toBeTruthy();
    const verifyCall = fetchMock.mock.calls.find(([url]) => url === '/api/audit/verify')!;
    expect(verifyCall[1]?.method).toBe('POST');
  });

  it('names the first entry that breaks the chain', async () => {
    serve(['audit.read', 'audit.verify'], (url) =>
      url === '/api/audit/verify'
        ? jsonResponse(200, {
            ok: false,
            checked: 41,
            total: 90,
            firstBad: { seq: '42', reason: 'content does not match its hash' },
          })
        : jsonResponse(200, { items: [] }),
    );
    renderApp(<AppRoutes />, { route: '/quan-tri/nhat-ky', language: 'vi' });
    fireEvent.click(await screen.findByText('Kiểm tra toàn vẹn'));
    expect(await screen.findByText('Chuỗi nhật ký đã bị can thiệp')).toBeTruthy();
    expect(
      screen.getByText(
        'Bản ghi số 42 không khớp (content does not match its hash). Đã kiểm tra 41 trên 90 bản ghi.',
      ),
    ).toBeTruthy();
  });

  it('shows the refusal of a check reserved for national auditors', async () => {
    serve(['audit.read', 'audit.verify'], (url) =>
      url === '/api/audit/verify'
        ? errorResponse(403, 'FORBIDDEN', 'Chỉ cấp quốc gia được kiểm tra chuỗi nhật ký', 'req-v-1')
        : jsonResponse(200, { items: [] }),
    );
    renderApp(<AppRoutes />, { route: '/quan-tri/nhat-ky', language: 'vi' });
    fireEvent.click(await screen.findByText('Kiểm tra toàn vẹn'));
    expect(await screen.findByText('Chỉ cấp quốc gia được kiểm tra chuỗi nhật ký')).toBeTruthy();
    expect(screen.getByText('req-v-1')).toBeTruthy();
  });

  it('hides the chain check from an auditor without audit.verify', async () => {
    serve(['audit.read'], () => jsonResponse(200, { items: [auditRow(1)] }));
    renderApp(<AppRoutes />, { route: '/quan-tri/nhat-ky', language: 'vi' });
    expect(await screen.findByText('user.create')).toBeTruthy();
    expect(screen.queryByText('Kiểm tra toàn vẹn')).toBeNull();
  });

  it('refuses the page without audit.read and never reads the log', async () => {
    const fetchMock = serve(['users.read'], () => jsonResponse(200, { items: [] }));
    renderApp(<AppRoutes />, { route: '/quan-tri/nhat-ky', language: 'vi' });
    expect(await screen.findByText('Không có quyền truy cập')).toBeTruthy();
    expect(auditCalls(fetchMock)).toHaveLength(0);
  });
});
