import type { Me } from '../../../contracts/auth.js';
import type { UnitDirectory } from '../units/index.js';
import type { Access } from '../authz/access.js';
import type { LoadedPrincipal } from './principals.js';

/** The signed-in user as the web app sees it. */
export function toMe(
  p: LoadedPrincipal,
  access: Access,
  units: UnitDirectory,
): Me & { restriction: LoadedPrincipal['restriction'] } {
  return {
    id: p.userId,
    kind: p.kind,
    username: p.username,
    displayName: p.displayName,
    personalId: p.personalId,
    roles: p.heldGrants.map((g) => ({
      role: g.role,
      unitId: g.unitId,
      unitName: units.get(g.unitId)?.fullName ?? g.unitId,
    })),
    permissions: [...access.permissions()].sort(),
    mustChangePassword: p.mustChangePassword ?? false,
    totpEnabled: p.totpEnabled,
    restriction: p.restriction,
  };
}
