/**
 * Names shared by server and web that must not pull zod into the public bundle:
 * the CSRF header and cookies of cookie-authenticated sessions.
 */
export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_COOKIE = 'tuphap_csrf';
export const SESSION_COOKIE = 'tuphap_session';
