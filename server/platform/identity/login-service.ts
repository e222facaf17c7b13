import type { LoginBody } from '../../../contracts/auth.js';
import { type AuditEntry, appendAudit } from '../audit/index.js';
import { PRIVILEGED_ROLES } from '../authz/permissions.js';
import type { Db } from '../db/database.js';
import { AppError, t } from '../errors/app-error.js';
import { dummyHash, verifyPassword } from './passwords.js';
import { createSession } from './sessions.js';
import { checkTotp } from './totp.js';
import { findUserByUsername, grantsOf, recordLoginFailure, recordLoginSuccess } from './users-repo.js';

/**
 * Staff sign-in: argon2id password, lockout after repeated failures, and TOTP for
 * users who enrolled it (administrators must enrol before they get any permission).
 * Every attempt, good or bad, is audited.
 */
export interface LoginPolicy {
  maxFailures: number;
  lockMinutes: number;
  sessionTtlMinutes: number;
}

export interface LoginContext {
  ip?: string;
  userAgent?: string;
  requestId?: string;
}

export async function loginWithPassword(db: Db, policy: LoginPolicy, body: LoginBody, ctx: LoginContext) {
  const audit = (e: Omit<AuditEntry, 'requestId' | 'ip'>) =>
    appendAudit(db, { ...e, requestId: ctx.requestId, ip: ctx.ip });
  const user = await findUserByUsername(db, body.username);
  if (user?.kind !== 'staff' || !user.active) {
    await verifyPassword(await dummyHash(), body.password);
    await audit({
      action: 'auth.login_failed',
      objectType: 'user',
      details: { username: body.username.slice(0, 100), reason: 'unknown_user' },
    });
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.locked_until && user.locked_until.getTime() > Date.now()) {
    await audit({
      actorId: user.id,
      action: 'auth.login_refused',
      objectType: 'user',
      objectId: user.id,
      details: { reason: 'locked' },
    });
    throw lockedError(user.locked_until);
  }
  if (!(await verifyPassword(user.password_hash, body.password))) {
    await recordLoginFailure(db, user.id, policy.maxFailures, policy.lockMinutes);
    await audit({
      actorId: user.id,
      action: 'auth.login_failed',
      objectType: 'user',
      objectId: user.id,
      details: { reason: 'password' },
    });
    if (user.failed_logins + 1 >= policy.maxFailures)
      throw lockedError(new Date(Date.now() + policy.lockMinutes * 60_000));
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.totp_enabled) {
    if (!body.totp) throw new AppError('TOTP_REQUIRED');
    if (!(await checkTotp(user.totp_secret ?? '', body.totp))) {
      await recordLoginFailure(db, user.id, policy.maxFailures, policy.lockMinutes);
      await audit({
        actorId: user.id,
        action: 'auth.login_failed',
        objectType: 'user',
        objectId: user.id,
        details: { reason: 'totp' },
      });
      throw new AppError('TOTP_INVALID');
    }
  }
  const grants = await grantsOf(db, [user.id]);
  const session = await db.transaction().execute(async (tx) => {
    await recordLoginSuccess(tx, user.id);
    const s = await createSession(tx, user.id, policy.sessionTtlMinutes, ctx);
    await appendAudit(tx, {
      actorId: user.id,
      actorKind: 'staff',
      action: 'auth.login',
      objectType: 'user',
      objectId: user.id,
      requestId: ctx.requestId,
      ip: ctx.ip,
      details: { mfa: user.totp_enabled, privileged: grants.some((g) => PRIVILEGED_ROLES.has(g.role)) },
    });
    return s;
  });
  return { userId: user.id, session };
}

function lockedError(until: Date) {
  const hhmm = until.toLocaleTimeString('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
  });
  return new AppError('ACCOUNT_LOCKED', t(`thử lại sau ${hhmm}`, `try again after ${hhmm} (Vietnam time)`), {
    lockedUntil: until.toISOString(),
  });
}
