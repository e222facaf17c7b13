import type { z } from 'zod';
import type {
  LoginBody,
  PasswordChangeBodySchema,
  SessionResponse,
  TotpSetupResponseSchema,
} from '../../../contracts/auth.js';
import { ApiError, api, setCsrfToken } from './client.js';

export type PasswordChangeBody = z.infer<typeof PasswordChangeBodySchema>;
export type TotpSetupResponse = z.infer<typeof TotpSetupResponseSchema>;

export function login(body: LoginBody): Promise<SessionResponse> {
  return api.post<SessionResponse>('/api/auth/login', body);
}

/** The current session, or null when nobody is signed in. */
export async function fetchSession(): Promise<SessionResponse | null> {
  try {
    return await api.get<SessionResponse>('/api/auth/me');
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export async function logout(): Promise<void> {
  await api.post<void>('/api/auth/logout');
  setCsrfToken(null);
}

export function changePassword(body: PasswordChangeBody): Promise<void> {
  return api.post<void>('/api/auth/password', body);
}

export function startTotpSetup(): Promise<TotpSetupResponse> {
  return api.post<TotpSetupResponse>('/api/auth/totp/setup');
}

export function confirmTotp(code: string): Promise<void> {
  return api.post<void>('/api/auth/totp/confirm', { code });
}

/** Full-page address that starts the VNeID (OIDC) sign-in and comes back to `returnTo`. */
export function citizenLoginUrl(returnTo = '/cong-dan'): string {
  return `/api/auth/citizen/login?returnTo=${encodeURIComponent(returnTo)}`;
}
