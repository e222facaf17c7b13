// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Route, Routes } from 'react-router-dom';
import {
  errorResponse,
  jsonResponse,
  mockFetch,
  renderApp,
  staffUser,
} from '../../test-support/renderApp.js';
import { StaffLoginPage } from './StaffLoginPage.js';

function renderLogin() {
  return renderApp(
    <Routes>
      <Route path="/dang-nhap" element={<StaffLoginPage />} />
      <Route path="/quan-tri" element={<p>Trang quản trị đã mở</p>} />
    </Routes>,
    { route: '/dang-nhap', language: 'vi' },
  );
}

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('staff sign-in', () => {
  it('asks for the TOTP code when the server requires it, then signs in with it', async () => {
    const fetchMock = mockFetch((_url, init) => {
      const body = JSON.parse(String(init.body));
      if (!body.totp) return errorResponse(401, 'TOTP_REQUIRED', 'Cần mã xác thực hai lớp (TOTP)');
      return jsonResponse(200, { user: staffUser(), csrfToken: 'csrf-after-login' });
    });
    renderLogin();

    fill('Tên đăng nhập', 'lan.nguyen');
    fill('Mật khẩu', 'mật-khẩu-đủ-dài');
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));

    const codeInput = await screen.findByLabelText('Mã xác thực');
    expect(screen.getByText('Xác thực hai lớp')).toBeTruthy();
    expect(screen.queryByLabelText('Mật khẩu')).toBeNull();

    fireEvent.change(codeInput, { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Xác nhận' }));

    await screen.findByText('Trang quản trị đã mở');
    expect(fetchMock).toHaveBeenCalledTimes(2);
    const [firstUrl, firstInit] = fetchMock.mock.calls[0]!;
    const [, secondInit] = fetchMock.mock.calls[1]!;
    expect(firstUrl).toBe('/api/auth/login');
    expect(firstInit?.method).toBe('POST');
    expect(firstInit?.credentials).toBe('same-origin');
    expect((firstInit?.headers as Record<string, string> | undefined)?.['Accept-Language']).toBe('vi');
    expect(JSON.parse(String(firstInit?.body))).toEqual({
      username: 'lan.nguyen',
      password: 'mật-khẩu-đủ-dài',
    });
    expect(JSON.parse(String(secondInit?.body))).toEqual({
      username: 'lan.nguyen',
      password: 'mật-khẩu-đủ-dài',
      totp: '123456',
    });
  });

  it('keeps the user on the code step and says so when the code is wrong', async () => {
    mockFetch((_url, init) => {
      const body = JSON.parse(String(init.body));
      return body.totp
        ? errorResponse(401, 'TOTP_INVALID', 'Mã xác thực hai lớp không đúng', 'req-42')
        : errorResponse(401, 'TOTP_REQUIRED', 'Cần mã xác thực hai lớp (TOTP)');
    });
    renderLogin();
    fill('Tên đăng nhập', 'lan.nguyen');
    fill('Mật khẩu', 'mật-khẩu-đủ-dài');
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    fireEvent.change(await screen.findByLabelText('Mã xác thực'), { target: { value: '000000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Xác nhận' }));

    expect(await screen.findByText('Mã xác thực hai lớp không đúng')).toBeTruthy();
    expect(screen.getByText('req-42')).toBeTruthy();
    expect(screen.getByLabelText('Mã xác thực')).toBeTruthy();
  });

  it('refuses a code that is not six digits without calling the server', async () => {
    const fetchMock = mockFetch(() => errorResponse(401, 'TOTP_REQUIRED', 'Cần mã xác thực hai lớp (TOTP)'));
    renderLogin();
    fill('Tên đăng nhập', 'lan.nguyen');
    fill('Mật khẩu', 'mật-khẩu-đủ-dài');
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    fireEvent.change(await screen.findByLabelText('Mã xác thực'), { target: { value: '12a4' } });
    fireEvent.click(screen.getByRole('button', { name: 'Xác nhận' }));
    expect(await screen.findByText('Mã gồm đúng 6 chữ số')).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('shows wrong credentials and a locked account clearly', async () => {
    let answer = errorResponse(401, 'INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng');
    mockFetch(() => answer);
    renderLogin();
    fill('Tên đăng nhập', 'lan.nguyen');
    fill('Mật khẩu', 'sai-mật-khẩu');
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(await screen.findByText('Tên đăng nhập hoặc mật khẩu không đúng')).toBeTruthy();

    answer = errorResponse(423, 'ACCOUNT_LOCKED', 'Tài khoản tạm khoá do đăng nhập sai nhiều lần');
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(await screen.findByText('Tài khoản tạm khoá do đăng nhập sai nhiều lần')).toBeTruthy();
    await waitFor(() => expect(screen.getByText(/liên hệ quản trị viên/)).toBeTruthy());
  });
});
