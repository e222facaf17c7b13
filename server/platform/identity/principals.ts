import type { Principal } from '../authz/access.js';
import { PRIVILEGED_ROLES } from '../authz/permissions.js';
import type { DbOrTx } from '../db/database.js';
import { findUserById, grantsOf, type UserRow } from './users-repo.js';

/**
 * Builds the principal of a signed-in user. A user who must still change the initial
 * password, or an administrator without two-factor enrolment, gets no grants until done:
 * only the self-service routes (me, password, TOTP set-up, logout) stay open.
 */
export type Restriction = 'password_change' | 'mfa_enrollment' | null;

export interface LoadedPrincipal extends Principal {
  restriction: Restriction;
  totpEnabled: boolean;
  heldGrants: Principal['grants'];
}

const CACHE_MS = 5_000;
const cache = new Map<string, { p: LoadedPrincipal; until: number }>();

export function principalFromRows(
  user: UserRow,
  grants: Array<{ role: Principal['grants'][number]['role']; unit_id: string }>,
): LoadedPrincipal {
  const held = grants.map((g) => ({ role: g.role, unitId: g.unit_id }));
  const privileged = held.some((g) => PRIVILEGED_ROLES.has(g.role));
  const restriction: Restriction =
    user.kind === 'staff' && user.must_change_password
      ? 'password_change'
      : user.kind === 'staff' && privileged && !user.totp_enabled
        ? 'mfa_enrollment'
        : null;
  return {
    userId: user.id,
    kind: user.kind,
    displayName: user.display_name,
    username: user.username,
    personalId: user.personal_id,
    grants: restriction ? [] : held,
    heldGrants: held,
    restriction,
    totpEnabled: user.totp_enabled,
    mustChangePassword: user.must_change_password,
  };
}

export async function loadPrincipal(db: DbOrTx, userId: string): Promise<LoadedPrincipal | null> {
  const now = Date.now();
  const hit = cache.get(userId);
  if (hit && hit.until > now) return hit.p;
  const user = await findUserById(db, userId);
  if (!user?.active) {
    cache.delete(userId);
    return null;
  }
  const p = principalFromRows(user, await grantsOf(db, [userId]));
  cache.set(userId, { p, until: now + CACHE_MS });
  if (cache.size > 50_000) cache.clear();
  return p;
}

export function forgetPrincipal(userId: string) {
  cache.delete(userId);
}

export function clearPrincipalCache() {
  cache.clear();
}
