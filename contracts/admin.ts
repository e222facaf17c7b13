import { z } from 'zod';
import { RoleSchema } from './auth.js';

export const UnitIdSchema = z
  .string()
  .regex(/^(VN|o?\d{2}|o?\d{3}|o?\d{5})$/, 'Mã đơn vị hành chính không hợp lệ / invalid unit code');

export const UserSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(['staff', 'citizen', 'agency']),
  username: z.string().nullable(),
  displayName: z.string(),
  email: z.string().nullable(),
  active: z.boolean(),
  locked: z.boolean(),
  totpEnabled: z.boolean(),
  roles: z.array(z.object({ role: RoleSchema, unitId: z.string(), unitName: z.string() })),
  createdAt: z.string(),
});
export type UserSummary = z.infer<typeof UserSummarySchema>;

export const UserListSchema = z.object({ items: z.array(UserSummarySchema), total: z.number() });

export const CreateUserBodySchema = z.strictObject({
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9._-]{3,50}$/, 'Tên đăng nhập chỉ gồm a-z, 0-9, . _ - (3–50 ký tự)'),
  displayName: z.string().trim().min(2).max(120),
  email: z.email().optional(),
  password: z.string().min(10).max(200),
  role: RoleSchema,
  unitId: UnitIdSchema,
});
export type CreateUserBody = z.infer<typeof CreateUserBodySchema>;

export const UpdateUserBodySchema = z.strictObject({
  displayName: z.string().trim().min(2).max(120).optional(),
  email: z.email().nullable().optional(),
  active: z.boolean().optional(),
  unlock: z.literal(true).optional(),
});

export const GrantRoleBodySchema = z.strictObject({ role: RoleSchema, unitId: UnitIdSchema });

export const UnitSchema = z.object({
  id: z.string(),
  code: z.string(),
  level: z.enum(['country', 'province', 'district', 'commune']),
  type: z.string(),
  name: z.string(),
  fullName: z.string(),
  parentId: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});
export type Unit = z.infer<typeof UnitSchema>;

export const CalendarOverrideSchema = z.strictObject({
  date: z.iso.date(),
  kind: z.enum(['day_off', 'workday']),
  /** For the yearly decisions: which holiday a day off belongs to (the Tết days, the day next to 2/9). */
  holidayId: z.enum(['tet_am_lich', 'quoc_khanh']).optional(),
  name: z.string().trim().min(1).max(200),
  basis: z.string().trim().min(1).max(500),
});
export type CalendarOverride = z.infer<typeof CalendarOverrideSchema>;

/** One notable day of a year: a non-working weekday or a worked weekend day, with its reason. */
export const CalendarDaySchema = z.object({
  date: z.string(),
  weekday: z.number(),
  working: z.boolean(),
  reason: z.string(),
  holidayId: z.string().optional(),
  name: z.string().optional(),
  basis: z.string().optional(),
  provisional: z.boolean().optional(),
  /** law | default | builtin | stored */
  origin: z.string().optional(),
});
export type CalendarDay = z.infer<typeof CalendarDaySchema>;
export const CalendarYearSchema = z.object({ year: z.number(), days: z.array(CalendarDaySchema) });
