import { z } from 'zod';

export const ROLES = [
  'system_admin',
  'doj_officer',
  'civil_status_officer',
  'notary',
  'leader',
  'citizen',
  'agency_client',
] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  system_admin: { vi: 'Quản trị hệ thống', en: 'System administrator' },
  doj_officer: { vi: 'Chuyên viên Sở Tư pháp', en: 'Department of Justice officer' },
  civil_status_officer: { vi: 'Công chức tư pháp - hộ tịch', en: 'Civil-status officer' },
  notary: { vi: 'Công chứng viên', en: 'Notary' },
  leader: { vi: 'Lãnh đạo', en: 'Leader' },
  citizen: { vi: 'Công dân', en: 'Citizen' },
  agency_client: { vi: 'Cơ quan kết nối', en: 'Partner agency' },
};

export const LoginBodySchema = z.strictObject({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
  totp: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});
export type LoginBody = z.infer<typeof LoginBodySchema>;

export const RoleAssignmentSchema = z.object({
  role: RoleSchema,
  unitId: z.string(),
  unitName: z.string(),
});

export const MeSchema = z.object({
  id: z.string(),
  kind: z.enum(['staff', 'citizen', 'agency']),
  username: z.string().nullable(),
  displayName: z.string(),
  personalId: z.string().nullable(),
  roles: z.array(RoleAssignmentSchema),
  permissions: z.array(z.string()),
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean(),
  /** Until resolved, the user holds no permission: change the initial password, or enrol TOTP (administrators). */
  restriction: z.enum(['password_change', 'mfa_enrollment']).nullable(),
});
export type Me = z.infer<typeof MeSchema>;

export const SessionResponseSchema = z.object({ user: MeSchema, csrfToken: z.string() });
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

export const PasswordChangeBodySchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(10).max(200),
});

export const TotpSetupResponseSchema = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  qrDataUrl: z.string(),
});
export const TotpConfirmBodySchema = z.strictObject({ code: z.string().regex(/^\d{6}$/) });

/** Agencies: OAuth2 client credentials (RFC 6749 §4.4). */
export const TokenResponseSchema = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number(),
  scope: z.string().optional(),
});
