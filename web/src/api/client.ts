import { CSRF_COOKIE, CSRF_HEADER } from '../../../contracts/http-names.js';
import { DICTIONARIES, fill, type Language } from '../i18n/language.js';

// From the zod-free contracts file, so the public pages do not load zod.
export { CSRF_COOKIE, CSRF_HEADER };

/**
 * The one way the web app talks to the server: same-origin cookies, the chosen
 * language in Accept-Language, the CSRF token on writes, and errors turned into
 * {@link ApiError}.
 */

/** An error answered by the server (or a failure to reach it), ready to show to users. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | null;
  readonly details: unknown;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    requestId?: string | null;
    details?: unknown;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId ?? null;
    this.details = init.details;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/** Codes for failures that never reached (or never came back from) the API. */
export const NETWORK_ERROR = 'NETWORK';
export const UNEXPECTED_RESPONSE = 'UNEXPECTED_RESPONSE';

let language: Language = 'vi';
let sessionCsrfToken: string | null = null;

export function setApiLanguage(next: Language): void {
  language = next;
}

/** Remembers the token from the last session response (login, /me). */
export function setCsrfToken(token: string | null): void {
  sessionCsrfToken = token;
}

function readCookie(name: string): string | null {
  if (typeof document === 'undefined' || !document.cookie) return null;
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

export function currentCsrfToken(): string | null {
  return readCookie(CSRF_COOKIE) ?? sessionCsrfToken;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers, e.g. the purpose of a personal-data read. */
  headers?: Record<string, string>;
}

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}

function isErrorBody(
  value: unknown,
): value is { error: { code: string; message: string; details?: unknown }; requestId?: string } {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    ...options.headers,
    Accept: 'application/json',
    'Accept-Language': language,
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    const token = currentCsrfToken();
    if (token) headers[CSRF_HEADER] = token;
  }

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({
      status: 0,
      code: NETWORK_ERROR,
      message: DICTIONARIES[language].common.networkError,
    });
  }

  const data = await readJson(response);
  if (!response.ok) {
    if (isErrorBody(data)) {
      throw new ApiError({
        status: response.status,
        code: data.error.code,
        message: data.error.message,
        details: data.error.details,
        requestId: data.requestId ?? response.headers.get('x-request-id'),
      });
    }
    throw new ApiError({
      status: response.status,
      code: UNEXPECTED_RESPONSE,
      message: fill(DICTIONARIES[language].common.unexpectedError, { status: response.status }),
      requestId: response.headers.get('x-request-id'),
    });
  }

  if (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { csrfToken?: unknown }).csrfToken === 'string'
  ) {
    setCsrfToken((data as { csrfToken: string }).csrfToken);
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => apiRequest<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => apiRequest<T>('DELETE', path, options),
};

/** Encodes one path segment (ids, codes, dates) for use in a URL. */
export const segment = (value: string | number): string => encodeURIComponent(String(value));
