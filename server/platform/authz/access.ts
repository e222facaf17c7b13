import type { Role } from '../../../contracts/auth.js';
import { AppError, t } from '../errors/app-error.js';
import type { UnitDirectory } from '../units/index.js';
import { type Permission, permissionsOf } from './permissions.js';

/**
 * Who is asking, and what they may do where. Built once per request from the
 * session (staff, citizen) or the bearer token (agency).
 */
export interface RoleGrant {
  role: Role;
  unitId: string;
}

export interface Principal {
  userId: string;
  kind: 'staff' | 'citizen' | 'agency';
  displayName: string;
  username: string | null;
  personalId: string | null;
  grants: RoleGrant[];
  sessionId?: string;
  clientId?: string;
  /** OAuth2 scopes of an agency's access token. */
  scopes?: string[];
  mustChangePassword?: boolean;
}

export class Access {
  constructor(
    readonly principal: Principal,
    private readonly units: UnitDirectory,
  ) {}

  /** All permissions held anywhere. */
  permissions(): Set<Permission> {
    const out = new Set<Permission>();
    for (const g of this.principal.grants) for (const p of permissionsOf(g.role)) out.add(p);
    return out;
  }

  hasAnywhere(permission: Permission): boolean {
    return this.principal.grants.some((g) => permissionsOf(g.role).has(permission));
  }

  /** Units where the permission is held (the roots of the user's scope). */
  scopesFor(permission: Permission): string[] {
    return this.principal.grants.filter((g) => permissionsOf(g.role).has(permission)).map((g) => g.unitId);
  }

  can(permission: Permission, unitId: string): boolean {
    return this.scopesFor(permission).some((scope) => this.units.isWithin(unitId, scope));
  }

  /** Throws FORBIDDEN when the permission is not held, OUT_OF_JURISDICTION when held elsewhere. */
  require(permission: Permission, unitId: string): void {
    if (!this.hasAnywhere(permission)) throw forbidden(permission);
    if (!this.units.get(unitId)) {
      throw new AppError(
        'VALIDATION',
        t(`Mã đơn vị hành chính không tồn tại: ${unitId}`, `Unknown administrative unit: ${unitId}`),
      );
    }
    if (!this.can(permission, unitId)) {
      throw new AppError(
        'OUT_OF_JURISDICTION',
        t(
          `Đơn vị ${unitId} nằm ngoài địa bàn được phân quyền`,
          `Unit ${unitId} is outside your jurisdiction`,
        ),
      );
    }
  }
}

export const forbidden = (permission: Permission) =>
  new AppError('FORBIDDEN', t(`Cần quyền "${permission}"`, `Requires permission "${permission}"`));
