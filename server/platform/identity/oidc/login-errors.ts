import { escapeHtml, page } from './html.js';

/**
 * Why a citizen sign-in did not complete. The browser is sent to
 * /dang-nhap-cong-dan-loi?code=<code>, which explains it in Vietnamese (and English)
 * and offers to try again. The codes are part of the public contract of that page.
 */
export const CITIZEN_LOGIN_ERRORS = {
  denied: {
    vi: 'Bạn đã huỷ đăng nhập hoặc từ chối chia sẻ thông tin định danh, nên chưa thể đăng nhập.',
    en: 'You cancelled the sign-in or declined to share your identity information.',
  },
  state: {
    vi: 'Phiên đăng nhập không hợp lệ hoặc đã quá thời gian (10 phút). Vui lòng đăng nhập lại từ đầu.',
    en: 'The sign-in session is not valid or has expired (10 minutes). Please start again.',
  },
  unavailable: {
    vi: 'Không kết nối được với hệ thống định danh điện tử. Vui lòng thử lại sau ít phút.',
    en: 'The electronic identity service cannot be reached. Please try again in a few minutes.',
  },
  unconfigured: {
    vi: 'Đăng nhập công dân bằng định danh điện tử chưa được cấu hình trên hệ thống này.',
    en: 'Citizen sign-in with electronic identity is not configured on this system.',
  },
  claims: {
    vi: 'Hệ thống định danh không cung cấp đủ thông tin (họ tên và số định danh cá nhân 12 số).',
    en: 'The identity service did not provide the required information (name and 12-digit personal ID).',
  },
  conflict: {
    vi: 'Số định danh cá nhân này đã gắn với một tài khoản khác. Vui lòng liên hệ bộ phận hỗ trợ.',
    en: 'This personal ID is already linked to another account. Please contact support.',
  },
  inactive: {
    vi: 'Tài khoản công dân này đang bị khoá. Vui lòng liên hệ bộ phận hỗ trợ.',
    en: 'This citizen account is disabled. Please contact support.',
  },
  return_to: {
    vi: 'Địa chỉ trang quay lại không hợp lệ: chỉ chấp nhận một trang của chính Cổng Tư pháp số.',
    en: 'The return address is not valid: only a page of this portal is accepted.',
  },
  failed: {
    vi: 'Không hoàn tất được đăng nhập với hệ thống định danh điện tử. Vui lòng thử lại.',
    en: 'The sign-in with the electronic identity service could not be completed. Please try again.',
  },
} as const;

export type CitizenLoginErrorCode = keyof typeof CITIZEN_LOGIN_ERRORS;

export const CITIZEN_LOGIN_ERROR_PATH = '/dang-nhap-cong-dan-loi';

export const citizenLoginErrorUrl = (code: CitizenLoginErrorCode) =>
  `${CITIZEN_LOGIN_ERROR_PATH}?code=${code}`;

export const isCitizenLoginErrorCode = (v: unknown): v is CitizenLoginErrorCode =>
  typeof v === 'string' && Object.hasOwn(CITIZEN_LOGIN_ERRORS, v);

export function citizenLoginErrorPage(code: CitizenLoginErrorCode, retryUrl: string | null): string {
  const m = CITIZEN_LOGIN_ERRORS[code];
  const retry = retryUrl
    ? `<a class="button primary" href="${escapeHtml(retryUrl)}">Đăng nhập lại / Try again</a>`
    : '';
  return page(
    'Chưa đăng nhập được',
    `<h1>Chưa đăng nhập được</h1>
<p class="en">Sign-in did not complete</p>
<p>${escapeHtml(m.vi)}</p>
<p class="en">${escapeHtml(m.en)}</p>
<p class="meta">Mã lỗi / error code: <code>${escapeHtml(code)}</code></p>
<div class="actions">${retry}<a class="button secondary" href="/">Về trang chủ / Home</a></div>`,
  );
}
