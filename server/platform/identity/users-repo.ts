import type { Role } from '../../../contracts/auth.js';
import { type DbOrTx, sql } from '../db/database.js';

/** Storage of users and their role grants (schema platform). */
export interface UserRow {
  id: string;
  kind: 'staff' | 'citizen' | 'agency';
  username: string | null;
  display_name: string;
  email: string | null;
  password_hash: string | null;
  totp_secret: string | null;
  totp_enabled: boolean;
  personal_id: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  failed_logins: number;
  locked_until: Date | null;
  must_change_password: boolean;
  active: boolean;
  created_at: Date;
}

export interface GrantRow {
  user_id: string;
  role: Role;
  unit_id: string;
}

export async function findUserByUsername(db: DbOrTx, username: string): Promise<UserRow | undefined> {
  const r =
    await sql<UserRow>`select * from platform.users where username = ${username.toLowerCase()}`.execute(db);
  return r.rows[0];
}

export async function findUserById(db: DbOrTx, id: string): Promise<UserRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const r = await sql<UserRow>`select * from platform.users where id = ${id}`.execute(db);
  return r.rows[0];
}

export async function findUserByOidc(
  db: DbOrTx,
  issuer: string,
  subject: string,
): Promise<UserRow | undefined> {
  const r = await sql<UserRow>`
    select * from platform.users where oidc_issuer = ${issuer} and oidc_subject = ${subject}`.execute(db);
  return r.rows[0];
}

export async function grantsOf(db: DbOrTx, userIds: string[]): Promise<GrantRow[]> {
  if (userIds.length === 0) return [];
  const r = await db
    .selectFrom('platform.role_assignments')
    .select(['user_id', 'role', 'unit_id'])
    .where('user_id', 'in', userIds)
    .orderBy('granted_at')
    .execute();
  return r as GrantRow[];
}

export interface NewUser {
  kind: UserRow['kind'];
  username?: string | null;
  displayName: string;
  email?: string | null;
  passwordHash?: string | null;
  personalId?: string | null;
  oidcIssuer?: string | null;
  oidcSubject?: string | null;
  mustChangePassword?: boolean;
}

export async function insertUser(db: DbOrTx, u: NewUser): Promise<UserRow> {
  const r = await sql<UserRow>`
    insert into platform.users (kind, username, display_name, email, password_hash, personal_id, oidc_issuer, oidc_subject, must_change_password)
    values (${u.kind}, ${u.username?.toLowerCase() ?? null}, ${u.displayName}, ${u.email ?? null}, ${u.passwordHash ?? null},
            ${u.personalId ?? null}, ${u.oidcIssuer ?? null}, ${u.oidcSubject ?? null}, ${u.mustChangePassword ?? false})
    returning *`.execute(db);
  return r.rows[0];
}

export async function insertGrant(db: DbOrTx, userId: string, role: Role, unitId: string) {
  await sql`
    insert into platform.role_assignments (user_id, role, unit_id) values (${userId}, ${role}, ${unitId})
    on conflict do nothing`.execute(db);
}

export async function deleteGrant(db: DbOrTx, userId: string, role: Role, unitId: string): Promise<boolean> {
  const r = await sql`
    delete from platform.role_assignments where user_id = ${userId} and role = ${role} and unit_id = ${unitId}`.execute(
    db,
  );
  return Number(r.numAffectedRows ?? 0) > 0;
}

export async function recordLoginFailure(db: DbOrTx, id: string, maxFailures: number, lockMinutes: number) {
  await sql`
    update platform.users set
      failed_logins = failed_logins + 1,
      locked_until = case when failed_logins + 1 >= ${maxFailures}
                          then now() + make_interval(mins => ${lockMinutes}) else locked_until end,
      updated_at = now()
    where id = ${id}`.execute(db);
}

export async function recordLoginSuccess(db: DbOrTx, id: string) {
  await sql`update platform.users set failed_logins = 0, locked_until = null, updated_at = now() where id = ${id}`.execute(
    db,
  );
}

export async function updateUserFields(
  db: DbOrTx,
  id: string,
  fields: Partial<
    Pick<
      UserRow,
      | 'display_name'
      | 'email'
      | 'active'
      | 'password_hash'
      | 'must_change_password'
      | 'totp_secret'
      | 'totp_enabled'
      | 'failed_logins'
      | 'locked_until'
    >
  >,
) {
  const entries = Object.entries(fields).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return;
  await db
    .updateTable('platform.users')
    .set({ ...Object.fromEntries(entries), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export interface UserListFilter {
  q?: string;
  /** Only users holding at least one grant inside one of these unit paths. */
  scopePaths?: string[];
  limit: number;
  offset: number;
}

export async function listUsers(db: DbOrTx, f: UserListFilter): Promise<{ rows: UserRow[]; total: number }> {
  let query = db.selectFrom('platform.users as u').where('u.kind', '=', 'staff');
  if (f.q) {
    const like = `%${f.q.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb('u.username', 'like', like), eb(sql`lower(u.display_name)`, 'like', like)]),
    );
  }
  if (f.scopePaths) {
    const paths = f.scopePaths;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('platform.role_assignments as ra')
          .innerJoin('platform.admin_units as au', 'au.id', 'ra.unit_id')
          .whereRef('ra.user_id', '=', 'u.id')
          .where((e2) => e2.or(paths.map((p) => e2('au.path', 'like', `${p}%`))))
          .select(sql`1`.as('one')),
      ),
    );
  }
  const total = await query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirst();
  const rows = await query.selectAll('u').orderBy('u.username').limit(f.limit).offset(f.offset).execute();
  return { rows: rows as UserRow[], total: Number(total?.n ?? 0) };
}
