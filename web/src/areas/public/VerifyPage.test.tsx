// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../AppRoutes.js';
import { errorResponse, jsonResponse, mockFetch, renderApp } from '../../test-support/renderApp.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const genuine = {
  code: '7KQ27MX9HTB4',
  status: 'genuine',
  docType: 'Trích lục khai sinh',
  title: 'Trích lục khai sinh',
  issuerUnitId: '00004',
  issuerName: 'Phường Ba Đình',
  issuedAt: '2025-08-15T03:00:00.000Z',
  publicSummary: {
    issuer: 'UBND Phường Ba Đình',
    numberLines: ['Số: 123/TLKS-BS'],
    title: 'TRÍCH LỤC KHAI SINH',
    fields: [{ label: 'Họ, chữ đệm, tên', value: 'NGUYỄN A** K****' }],
    placeDate: 'Ba Đình, ngày 15 tháng 8 năm 2025',
    signedBy: { post: 'CHỦ TỊCH', name: 'Trần Văn Minh' },
  },
};

describe('document verification page', () => {
  it('shows a genuine document with its public fields', async () => {
    mockFetch(() => jsonResponse(200, genuine));
    renderApp(<AppRoutes />, { route: '/xac-minh/7KQ2-7MX9-HTB4', language: 'vi' });
    expect(await screen.findByText('Giấy tờ hợp lệ')).toBeTruthy();
    expect(screen.getByText('7KQ2-7MX9-HTB4')).toBeTruthy();
    expect(screen.getByText('15/08/2025')).toBeTruthy();
    expect(screen.getByText('NGUYỄN A** K****')).toBeTruthy();
    expect(screen.getByText('Số: 123/TLKS-BS')).toBeTruthy();
    expect(screen.getByText('CHỦ TỊCH — Trần Văn Minh')).toBeTruthy();
  });

  it('says when and why a document was revoked', async () => {
    mockFetch(() =>
      jsonResponse(200, {
        ...genuine,
        status: 'revoked',
        revokedAt: '2025-09-10T02:00:00.000Z',
        revokeReason: 'Cấp sai',
      }),
    );
    renderApp(<AppRoutes />, { route: '/xac-minh/7KQ27MX9HTB4', language: 'vi' });
    expect(await screen.findByText('Giấy tờ đã bị thu hồi')).toBeTruthy();
    expect(screen.getByText('Giấy tờ này đã bị thu hồi ngày 10/09/2025.')).toBeTruthy();
    expect(screen.getByText('Cấp sai')).toBeTruthy();
  });

  it('tells the visitor when no document has the code', async () => {
    mockFetch(() => errorResponse(404, 'NOT_FOUND', 'Không tìm thấy giấy tờ với mã này'));
    renderApp(<AppRoutes />, { route: '/xac-minh/AAAABBBBCCCC', language: 'vi' });
    expect(await screen.findByText('Không tìm thấy giấy tờ')).toBeTruthy();
  });
});
