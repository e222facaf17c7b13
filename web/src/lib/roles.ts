import { ROLE_LABELS, ROLES, type Role } from '../../../contracts/auth.js';
import type { Language } from '../i18n/language.js';

export function roleLabel(role: string, language: Language): string {
  return (ROLE_LABELS as Record<string, { vi: string; en: string }>)[role]?.[language] ?? role;
}

/** Roles an administrator can give to a staff account (citizens and agencies sign in otherwise). */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'citizen' && r !== 'agency_client');
