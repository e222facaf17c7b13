/**
 * The one error type. Its codes form a closed list; each maps to one HTTP status
 * and carries a message in Vietnamese and English.
 */
export const ERROR_CODES = {
  VALIDATION: { status: 400, vi: 'Dữ liệu không hợp lệ', en: 'Invalid input' },
  BAD_REQUEST: { status: 400, vi: 'Yêu cầu không hợp lệ', en: 'Bad request' },
  UNAUTHENTICATED: {
    status: 401,
    vi: 'Chưa đăng nhập hoặc phiên đã hết hạn',
    en: 'Not signed in or session expired',
  },
  INVALID_CREDENTIALS: {
    status: 401,
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng',
    en: 'Wrong username or password',
  },
  TOTP_REQUIRED: {
    status: 401,
    vi: 'Cần mã xác thực hai lớp (TOTP)',
    en: 'A two-factor (TOTP) code is required',
  },
  TOTP_INVALID: { status: 401, vi: 'Mã xác thực hai lớp không đúng', en: 'Wrong two-factor code' },
  ACCOUNT_LOCKED: {
    status: 423,
    vi: 'Tài khoản tạm khoá do đăng nhập sai nhiều lần',
    en: 'Account temporarily locked after repeated failures',
  },
  CSRF: {
    status: 403,
    vi: 'Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF)',
    en: 'Missing or wrong CSRF token',
  },
  FORBIDDEN: {
    status: 403,
    vi: 'Không có quyền thực hiện thao tác này',
    en: 'You are not allowed to do this',
  },
  OUT_OF_JURISDICTION: {
    status: 403,
    vi: 'Đối tượng nằm ngoài địa bàn được phân quyền',
    en: 'Outside your jurisdiction',
  },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy', en: 'Not found' },
  CONFLICT: { status: 409, vi: 'Xung đột dữ liệu', en: 'Conflict' },
  INVALID_STATE: {
    status: 409,
    vi: 'Trạng thái hiện tại không cho phép thao tác này',
    en: 'Not allowed in the current state',
  },
  PAYLOAD_TOO_LARGE: { status: 413, vi: 'Dữ liệu gửi lên quá lớn', en: 'Payload too large' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    vi: 'Định dạng tệp không được hỗ trợ',
    en: 'Unsupported media type',
  },
  RATE_LIMITED: {
    status: 429,
    vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau',
    en: 'Too many requests, try again later',
  },
  UNAVAILABLE: { status: 503, vi: 'Dịch vụ tạm thời không sẵn sàng', en: 'Service temporarily unavailable' },
  INTERNAL: { status: 500, vi: 'Lỗi hệ thống', en: 'Internal error' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface LocalizedText {
  vi: string;
  en: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly detail?: LocalizedText;
  readonly data?: Record<string, unknown>;

  constructor(code: ErrorCode, detail?: LocalizedText, data?: Record<string, unknown>) {
    super(detail?.en ?? ERROR_CODES[code].en);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.detail = detail;
    this.data = data;
  }

  /** The message for a language: the code's title, then the specific detail. */
  localized(lang: 'vi' | 'en'): string {
    const title = ERROR_CODES[this.code][lang];
    return this.detail ? `${title}: ${this.detail[lang]}` : title;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** Shorthand for a localized detail. */
export const t = (vi: string, en: string): LocalizedText => ({ vi, en });
