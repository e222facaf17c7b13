import { type DbOrTx, sql } from '../../db/database.js';
import { hashToken, randomToken } from '../sessions.js';

/**
 * Citizen sign-ins under way (platform.citizen_login_requests). The browser carries a
 * random token in a short-lived httpOnly cookie; the server keeps state, nonce, PKCE
 * verifier and the return path under the token's SHA-256. A request is taken once.
 */
export const LOGIN_REQUEST_TTL_MINUTES = 10;

export interface PendingLogin {
  issuer: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

/** Stores a pending sign-in and returns the token for the browser; expired ones are cleared on the way. */
export async function savePendingLogin(db: DbOrTx, p: PendingLogin): Promise<string> {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + LOGIN_REQUEST_TTL_MINUTES * 60_000);
  await sql`delete from platform.citizen_login_requests where expires_at < now()`.execute(db);
  await sql`
    insert into platform.citizen_login_requests (id_hash, issuer, state, nonce, code_verifier, return_to, expires_at)
    values (${hashToken(token)}, ${p.issuer}, ${p.state}, ${p.nonce}, ${p.codeVerifier}, ${p.returnTo}, ${expiresAt})`.execute(
    db,
  );
  return token;
}

/** Removes and returns the pending sign-in of this token, or null when unknown or expired. */
export async function takePendingLogin(db: DbOrTx, token: string | undefined): Promise<PendingLogin | null> {
  if (!token || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const r = await sql<{
    issuer: string;
    state: string;
    nonce: string;
    code_verifier: string;
    return_to: string;
    expires_at: Date;
  }>`
    delete from platform.citizen_login_requests where id_hash = ${hashToken(token)}
    returning issuer, state, nonce, code_verifier, return_to, expires_at`.execute(db);
  const row = r.rows[0];
  if (!row || new Date(row.expires_at).getTime() <= Date.now()) return null;
  return {
    issuer: row.issuer,
    state: row.state,
    nonce: row.nonce,
    codeVerifier: row.code_verifier,
    returnTo: row.return_to,
  };
}

const RETURN_BASE = 'http://return-to.invalid';

/** Backslashes (read as slashes by browsers) and control characters. */
const hasUnsafeCharacter = (v: string) =>
  [...v].some((c) => c === '\\' || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/**
 * The path to send the citizen to afterwards: only a relative path of this site
 * ("/cong-dan?tab=1"), never another origin ("//host", "https://…", "/\\host"),
 * and never the API or the identity provider. Null when refused.
 */
export function safeReturnTo(value: string | undefined, fallback: string): string | null {
  if (value === undefined || value === '') return fallback;
  if (value.length > 500 || !value.startsWith('/') || value.startsWith('//') || hasUnsafeCharacter(value)) {
    return null;
  }
  let u: URL;
  try {
    u = new URL(value, RETURN_BASE);
  } catch {
    return null;
  }
  if (u.origin !== RETURN_BASE) return null;
  if (/^\/(api|oidc)(\/|$)/.test(u.pathname)) return null;
  return `${u.pathname}${u.search}${u.hash}`;
}
