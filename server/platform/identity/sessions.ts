import { createHash, randomBytes } from 'node:crypto';
import { type DbOrTx, sql } from '../db/database.js';

/**
 * Server-side sessions. The cookie carries a random token; the database keeps only its
 * SHA-256, so a leaked table does not give live sessions. A short in-process cache
 * saves a query per request; logout clears it at once on this node, and other nodes
 * see the removal within the cache lifetime (5 s).
 */
export interface SessionRecord {
  idHash: string;
  userId: string;
  csrfToken: string;
  expiresAt: Date;
  lastSeenAt: Date;
}

const CACHE_MS = 5_000;
const TOUCH_MS = 60_000;
const cache = new Map<string, { rec: SessionRecord; until: number }>();

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

export async function createSession(
  db: DbOrTx,
  userId: string,
  ttlMinutes: number,
  meta: { ip?: string; userAgent?: string },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(Date.now() + ttlMinutes * 60_000);
  await sql`
    insert into platform.sessions (id_hash, user_id, csrf_token, expires_at, ip, user_agent)
    values (${hashToken(token)}, ${userId}, ${csrfToken}, ${expiresAt}, ${meta.ip ?? null}, ${meta.userAgent?.slice(0, 300) ?? null})`.execute(
    db,
  );
  return { token, csrfToken, expiresAt };
}

export async function findSession(db: DbOrTx, token: string): Promise<SessionRecord | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const idHash = hashToken(token);
  const now = Date.now();
  const hit = cache.get(idHash);
  if (hit && hit.until > now && hit.rec.expiresAt.getTime() > now) return hit.rec;
  const r = await sql<{
    id_hash: string;
    user_id: string;
    csrf_token: string;
    expires_at: Date;
    last_seen_at: Date;
  }>`
    select id_hash, user_id, csrf_token, expires_at, last_seen_at from platform.sessions
    where id_hash = ${idHash} and expires_at > now()`.execute(db);
  const row = r.rows[0];
  if (!row) {
    cache.delete(idHash);
    return null;
  }
  const rec: SessionRecord = {
    idHash,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    expiresAt: new Date(row.expires_at),
    lastSeenAt: new Date(row.last_seen_at),
  };
  if (now - rec.lastSeenAt.getTime() > TOUCH_MS) {
    await sql`update platform.sessions set last_seen_at = now() where id_hash = ${idHash}`.execute(db);
    rec.lastSeenAt = new Date(now);
  }
  cache.set(idHash, { rec, until: now + CACHE_MS });
  if (cache.size > 50_000) cache.clear();
  return rec;
}

export async function deleteSession(db: DbOrTx, idHash: string) {
  cache.delete(idHash);
  await sql`delete from platform.sessions where id_hash = ${idHash}`.execute(db);
}

/** Ends every session of a user (password change, deactivation). */
export async function deleteUserSessions(db: DbOrTx, userId: string, exceptIdHash?: string) {
  for (const [k, v] of cache) if (v.rec.userId === userId && k !== exceptIdHash) cache.delete(k);
  await sql`delete from platform.sessions where user_id = ${userId} and id_hash <> ${exceptIdHash ?? ''}`.execute(
    db,
  );
}

export async function purgeExpiredSessions(db: DbOrTx): Promise<number> {
  const r = await sql`delete from platform.sessions where expires_at < now()`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

export function clearSessionCache() {
  cache.clear();
}
