/** Permission strings granted by the server (see Me.permissions). */
export const PERMISSIONS = {
  usersRead: 'users.read',
  usersManage: 'users.manage',
  unitsRead: 'units.read',
  calendarRead: 'calendar.read',
  calendarManage: 'calendar.manage',
  auditRead: 'audit.read',
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
