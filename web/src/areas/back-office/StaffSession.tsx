import { createContext, type ReactNode, useContext } from 'react';
import type { Me } from '../../../../contracts/auth.js';
import { ForbiddenResult } from '../../components/StatusPages.js';
import { hasAnyPermission, type Permission } from '../../lib/permissions.js';

const StaffUserContext = createContext<Me | null>(null);

export const StaffUserProvider = StaffUserContext.Provider;

/** The signed-in staff user; only inside the back office, which guarantees one. */
export function useStaffUser(): Me {
  const user = useContext(StaffUserContext);
  if (!user) throw new Error('useStaffUser must be used inside the back office');
  return user;
}

/** Distinct units the user holds a role at, in the order the server gave them. */
export function scopeUnits(user: Me): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const r of user.roles) if (!seen.has(r.unitId)) seen.set(r.unitId, r.unitName);
  return [...seen].map(([id, name]) => ({ id, name }));
}

/**
 * What the user must do before working: change the initial password, or (administrators)
 * turn on two-factor authentication, as the server's `restriction` says.
 */
export type SessionRestriction = Me['restriction'];

export function sessionRestriction(user: Me): SessionRestriction {
  if (user.mustChangePassword) return 'password_change';
  return user.restriction ?? null;
}

/** Shows the page only with one of the permissions; otherwise a 403 result. */
export function RequirePermission({
  anyOf,
  children,
}: {
  anyOf: readonly Permission[];
  children: ReactNode;
}) {
  const user = useStaffUser();
  return hasAnyPermission(user.permissions, anyOf) ? children : <ForbiddenResult />;
}
