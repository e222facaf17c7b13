/** Permission strings granted by the server (see Me.permissions). */
export const PERMISSIONS = {
  usersRead: 'users.read',
  usersManage: 'users.manage',
  unitsRead: 'units.read',
  calendarRead: 'calendar.read',
  calendarManage: 'calendar.manage',
  auditRead: 'audit.read',
  auditVerify: 'audit.verify',
} as const;

export type Permission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];

export function hasPermission(permissions: readonly string[] | undefined, wanted: Permission): boolean {
  return permissions?.includes(wanted) ?? false;
}

export function hasAnyPermission(
  permissions: readonly string[] | undefined,
  wanted: readonly Permission[],
): boolean {
  return wanted.some((p) => hasPermission(permissions, p));
}

/** The human name of a permission from the dictionary; the raw string for one it does not know. */
export function permissionLabel(permission: string, labels: Readonly<Record<string, string>>): string {
  return Object.hasOwn(labels, permission) ? labels[permission]! : permission;
}

/** Permissions in the dictionary's order (grouped by area), then any it does not know, as given. */
export function sortPermissions(
  permissions: readonly string[],
  labels: Readonly<Record<string, string>>,
): string[] {
  const order = Object.keys(labels);
  const rank = (p: string) => {
    const i = order.indexOf(p);
    return i < 0 ? order.length : i;
  };
  return [...permissions].sort((a, b) => rank(a) - rank(b));
}
