import type { Role } from '../../../contracts/auth.js';

/**
 * Roles grant permissions; a role is held at an administrative unit and its
 * permissions apply to that unit's subtree only. Modules add their own permissions
 * by extending this table through `grantPermissions` at start-up.
 */
export const PLATFORM_PERMISSIONS = [
  'users.read',
  'users.manage',
  'units.read',
  'units.import',
  'calendar.read',
  'calendar.manage',
  'audit.read',
  'audit.verify',
  'documents.issue',
  'documents.revoke',
  'files.upload',
  'files.read',
  'jobs.read',
  'self.read',
] as const;
export type Permission = string;

const table: Record<Role, Set<Permission>> = {
  system_admin: new Set([
    'users.read',
    'users.manage',
    'units.read',
    'units.import',
    'calendar.read',
    'calendar.manage',
    'audit.read',
    'audit.verify',
    'documents.revoke',
    'files.upload',
    'files.read',
    'jobs.read',
  ]),
  doj_officer: new Set([
    'units.read',
    'calendar.read',
    'documents.issue',
    'documents.revoke',
    'files.upload',
    'files.read',
    'users.read',
  ]),
  civil_status_officer: new Set([
    'units.read',
    'calendar.read',
    'documents.issue',
    'files.upload',
    'files.read',
  ]),
  notary: new Set(['units.read', 'calendar.read', 'files.upload', 'files.read']),
  leader: new Set(['units.read', 'calendar.read', 'audit.read', 'users.read', 'files.read']),
  citizen: new Set(['self.read', 'files.upload']),
  agency_client: new Set([]),
};

export function permissionsOf(role: Role): ReadonlySet<Permission> {
  return table[role] ?? new Set();
}

/** Lets a module give roles the permissions of its routes. */
export function grantPermissions(role: Role, permissions: Permission[]) {
  for (const p of permissions) table[role].add(p);
}

/** Roles an administrator may hand out; privileged roles require TOTP at login. */
export const PRIVILEGED_ROLES: ReadonlySet<Role> = new Set(['system_admin']);
