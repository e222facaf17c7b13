import { appendAudit } from '../../audit/index.js';
import { type Db, type DbOrTx, sql } from '../../db/database.js';
import { findUserByOidc, insertGrant, insertUser, updateUserFields, type UserRow } from '../users-repo.js';
import type { CitizenIdentity } from './relying-party.js';

/**
 * A citizen signed in by an identity provider becomes (or stays) a platform user of kind
 * 'citizen', keyed by (issuer, subject), holding the 'citizen' role nationwide (unit 'VN').
 * Only the name and the personal ID are kept; the other released claims are not stored.
 *
 * The personal ID is unique among users. A sign-in whose personal ID already belongs to
 * another account, or whose subject arrives with a different personal ID than before, is
 * refused and audited, never linked silently: an administrator decides.
 */
export const CITIZEN_ROLE_UNIT = 'VN';

export type CitizenSignIn =
  | { ok: true; userId: string; created: boolean }
  | { ok: false; reason: 'conflict' | 'inactive'; userId?: string };

export interface SignInContext {
  requestId?: string;
  ip?: string;
}

const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === '23505';

export async function signInCitizen(
  db: Db,
  issuer: string,
  who: CitizenIdentity,
  ctx: SignInContext,
): Promise<CitizenSignIn> {
  // Two first sign-ins of one person at once: the loser of the insert race retries and finds the row.
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction().execute((tx) => signInOnce(tx, issuer, who, ctx));
    } catch (e) {
      if (attempt === 0 && isUniqueViolation(e)) {
        const taken = await findByPersonalId(db, who.personalId);
        if (taken && !(taken.oidc_issuer === issuer && taken.oidc_subject === who.subject)) {
          return refuse(db, issuer, who, ctx, 'conflict', taken.id);
        }
        continue;
      }
      throw e;
    }
  }
}

async function signInOnce(
  tx: DbOrTx,
  issuer: string,
  who: CitizenIdentity,
  ctx: SignInContext,
): Promise<CitizenSignIn> {
  const existing = await findUserByOidc(tx, issuer, who.subject);
  const holder = await findByPersonalId(tx, who.personalId);
  if (holder && holder.id !== existing?.id) return refuse(tx, issuer, who, ctx, 'conflict', holder.id);
  if (existing?.personal_id && existing.personal_id !== who.personalId) {
    return refuse(tx, issuer, who, ctx, 'conflict', existing.id);
  }
  if (existing && (existing.kind !== 'citizen' || !existing.active)) {
    return refuse(tx, issuer, who, ctx, existing.kind !== 'citizen' ? 'conflict' : 'inactive', existing.id);
  }

  let user: UserRow;
  let changed = false;
  if (existing) {
    user = existing;
    if (existing.display_name !== who.name) {
      await updateUserFields(tx, existing.id, { display_name: who.name });
      changed = true;
    }
    if (!existing.personal_id) {
      await sql`update platform.users set personal_id = ${who.personalId}, updated_at = now() where id = ${existing.id}`.execute(
        tx,
      );
      changed = true;
    }
  } else {
    user = await insertUser(tx, {
      kind: 'citizen',
      displayName: who.name,
      personalId: who.personalId,
      oidcIssuer: issuer,
      oidcSubject: who.subject,
    });
  }
  await insertGrant(tx, user.id, 'citizen', CITIZEN_ROLE_UNIT);
  await appendAudit(tx, {
    actorId: user.id,
    actorKind: 'citizen',
    action: 'auth.citizen_login',
    objectType: 'user',
    objectId: user.id,
    requestId: ctx.requestId,
    ip: ctx.ip,
    details: { issuer, created: !existing, updated: changed },
    personalData: !existing || changed,
  });
  return { ok: true, userId: user.id, created: !existing };
}

async function findByPersonalId(db: DbOrTx, personalId: string): Promise<UserRow | undefined> {
  const r = await sql<UserRow>`select * from platform.users where personal_id = ${personalId}`.execute(db);
  return r.rows[0];
}

async function refuse(
  db: DbOrTx,
  issuer: string,
  who: CitizenIdentity,
  ctx: SignInContext,
  reason: 'conflict' | 'inactive',
  userId: string,
): Promise<CitizenSignIn> {
  await appendAudit(db, {
    actorKind: 'citizen',
    action: 'auth.citizen_login_refused',
    objectType: 'user',
    objectId: userId,
    requestId: ctx.requestId,
    ip: ctx.ip,
    details: { issuer, subject: who.subject, reason },
    personalData: true,
  });
  return { ok: false, reason, userId };
}
