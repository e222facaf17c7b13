import type { z } from 'zod';
import type {
  CreateUserBody,
  UpdateUserBodySchema,
  UserListSchema,
  UserSummary,
} from '../../../contracts/admin.js';
import type { Role } from '../../../contracts/auth.js';
import { api, segment } from './client.js';

export type UserList = z.infer<typeof UserListSchema>;
export type UpdateUserBody = z.infer<typeof UpdateUserBodySchema>;

export interface UserListQuery {
  q?: string;
  limit: number;
  offset: number;
}

export function listUsers(query: UserListQuery, signal?: AbortSignal): Promise<UserList> {
  return api.get<UserList>('/api/admin/users', { query: { ...query }, signal });
}

export function createUser(body: CreateUserBody): Promise<UserSummary> {
  return api.post<UserSummary>('/api/admin/users', body);
}

export function updateUser(id: string, body: UpdateUserBody): Promise<UserSummary> {
  return api.patch<UserSummary>(`/api/admin/users/${segment(id)}`, body);
}

export function grantRole(id: string, role: Role, unitId: string): Promise<UserSummary> {
  return api.post<UserSummary>(`/api/admin/users/${segment(id)}/roles`, { role, unitId });
}

export function revokeRole(id: string, role: Role, unitId: string): Promise<UserSummary> {
  return api.delete<UserSummary>(`/api/admin/users/${segment(id)}/roles/${segment(role)}/${segment(unitId)}`);
}

/** One role as GET /api/admin/roles describes it: its name, whether it needs TOTP, what it may do. */
export interface RoleInfo {
  role: string;
  label: { vi: string; en: string };
  privileged: boolean;
  permissions: string[];
}

export async function listRoles(signal?: AbortSignal): Promise<RoleInfo[]> {
  const result = await api.get<{ items: RoleInfo[] }>('/api/admin/roles', { signal });
  return result.items;
}
