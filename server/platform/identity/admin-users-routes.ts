import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateUserBodySchema,
  GrantRoleBodySchema,
  UnitIdSchema,
  UpdateUserBodySchema,
  type UserSummary,
} from '../../../contracts/admin.js';
import { RoleSchema } from '../../../contracts/auth.js';
import { PageQuerySchema } from '../../../contracts/common.js';
import { appendAudit, auditPersonalDataRead } from '../audit/index.js';
import type { Access } from '../authz/access.js';
import type { Db, DbOrTx } from '../db/database.js';
import { AppError, t } from '../errors/app-error.js';
import type { UnitDirectory } from '../units/index.js';
import { assertPasswordPolicy, hashPassword } from './passwords.js';
import { forgetPrincipal } from './principals.js';
import { deleteUserSessions } from './sessions.js';
import {
  deleteGrant,
  findUserById,
  findUserByUsername,
  type GrantRow,
  grantsOf,
  insertGrant,
  insertUser,
  listUsers,
  type UserRow,
  updateUserFields,
} from './users-repo.js';

/**
 * User administration, scoped: an administrator manages only users whose every role
 * lies inside the administrator's own units, and grants roles only inside them.
 */
const MANAGE = 'users.manage';

function summary(u: UserRow, grants: GrantRow[], units: UnitDirectory): UserSummary {
  return {
    id: u.id,
    kind: u.kind,
    username: u.username,
    displayName: u.display_name,
    email: u.email,
    active: u.active,
    locked: !!u.locked_until && u.locked_until.getTime() > Date.now(),
    totpEnabled: u.totp_enabled,
    roles: grants
      .filter((g) => g.user_id === u.id)
      .map((g) => ({
        role: g.role,
        unitId: g.unit_id,
        unitName: units.get(g.unit_id)?.fullName ?? g.unit_id,
      })),
    createdAt: new Date(u.created_at).toISOString(),
  };
}

async function loadManageable(db: DbOrTx, access: Access, id: string) {
  const user = await findUserById(db, id);
  if (user?.kind !== 'staff') throw new AppError('NOT_FOUND', t('Không có người dùng này', 'No such user'));
  const grants = await grantsOf(db, [id]);
  // A user with no role yet is managed by any administrator who can see them by id; one with roles
  // only by an administrator whose scope covers every role.
  if (grants.length === 0) access.require(MANAGE, 'VN');
  for (const g of grants) access.require(MANAGE, g.unit_id);
  return { user, grants };
}

export async function adminUserRoutes(app: FastifyInstance, deps: { db: Db; units: UnitDirectory }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['admin'];
  const IdParams = z.object({ id: z.uuid() });

  r.get(
    '/users',
    {
      config: { auth: { permission: 'users.read' } },
      schema: {
        tags,
        summary: 'Danh sách người dùng trong địa bàn',
        querystring: PageQuerySchema.extend({
          q: z.string().max(100).optional(),
          unitId: UnitIdSchema.optional(),
        }),
      },
    },
    async (req) => {
      if (req.query.unitId) req.access.require('users.read', req.query.unitId);
      const scopes = req.query.unitId
        ? [deps.units.get(req.query.unitId)!.path]
        : req.access
            .scopesFor('users.read')
            .map((id) => deps.units.get(id)?.path)
            .filter((p): p is string => !!p);
      const { rows, total } = await listUsers(deps.db, {
        q: req.query.q,
        scopePaths: scopes,
        limit: req.query.limit,
        offset: req.query.offset,
      });
      const grants = await grantsOf(
        deps.db,
        rows.map((u) => u.id),
      );
      await auditPersonalDataRead(deps.db, req, {
        action: 'users.list',
        objectType: 'user',
        unitId: req.query.unitId ?? null,
        purpose: 'Quản trị tài khoản người dùng',
        details: { q: req.query.q ?? null, returned: rows.map((u) => u.id) },
      });
      return { items: rows.map((u) => summary(u, grants, deps.units)), total };
    },
  );

  r.post(
    '/users',
    {
      config: { auth: { permission: MANAGE } },
      schema: { tags, summary: 'Tạo tài khoản cán bộ', body: CreateUserBodySchema },
    },
    async (req, reply) => {
      const b = req.body;
      req.access.require(MANAGE, b.unitId);
      if (b.role === 'citizen' || b.role === 'agency_client') {
        throw new AppError(
          'VALIDATION',
          t('Vai trò này không cấp cho tài khoản cán bộ', 'This role is not for staff accounts'),
        );
      }
      assertPasswordPolicy(b.password, b.username);
      if (await findUserByUsername(deps.db, b.username))
        throw new AppError(
          'CONFLICT',
          t(`Tên đăng nhập "${b.username}" đã có`, `Username "${b.username}" is taken`),
        );
      const passwordHash = await hashPassword(b.password);
      const user = await deps.db.transaction().execute(async (tx) => {
        const u = await insertUser(tx, {
          kind: 'staff',
          username: b.username,
          displayName: b.displayName,
          email: b.email,
          passwordHash,
          mustChangePassword: true,
        });
        await insertGrant(tx, u.id, b.role, b.unitId);
        await appendAudit(
          tx,
          auditOf(req, 'user.created', u.id, b.unitId, {
            username: b.username,
            role: b.role,
            unitId: b.unitId,
          }),
        );
        return u;
      });
      return reply.status(201).send(summary(user, await grantsOf(deps.db, [user.id]), deps.units));
    },
  );

  r.patch(
    '/users/:id',
    {
      config: { auth: { permission: MANAGE } },
      schema: { tags, summary: 'Sửa, khoá, mở khoá tài khoản', params: IdParams, body: UpdateUserBodySchema },
    },
    async (req) => {
      const { user } = await loadManageable(deps.db, req.access, req.params.id);
      if (req.body.active === false && user.id === req.principal!.userId) {
        throw new AppError(
          'INVALID_STATE',
          t('Không thể tự khoá tài khoản của mình', 'You cannot deactivate your own account'),
        );
      }
      await deps.db.transaction().execute(async (tx) => {
        await updateUserFields(tx, user.id, {
          display_name: req.body.displayName,
          email: req.body.email === undefined ? undefined : req.body.email,
          active: req.body.active,
          ...(req.body.unlock ? { failed_logins: 0, locked_until: null } : {}),
        });
        if (req.body.active === false) await deleteUserSessions(tx, user.id);
        await appendAudit(tx, auditOf(req, 'user.updated', user.id, null, { changes: req.body }));
      });
      forgetPrincipal(user.id);
      const fresh = (await findUserById(deps.db, user.id))!;
      return summary(fresh, await grantsOf(deps.db, [user.id]), deps.units);
    },
  );

  r.post(
    '/users/:id/roles',
    {
      config: { auth: { permission: MANAGE } },
      schema: { tags, summary: 'Giao vai trò tại một đơn vị', params: IdParams, body: GrantRoleBodySchema },
    },
    async (req) => {
      const { user } = await loadManageable(deps.db, req.access, req.params.id);
      req.access.require(MANAGE, req.body.unitId);
      await deps.db.transaction().execute(async (tx) => {
        await insertGrant(tx, user.id, req.body.role, req.body.unitId);
        await appendAudit(tx, auditOf(req, 'user.role_granted', user.id, req.body.unitId, req.body));
      });
      forgetPrincipal(user.id);
      return summary(user, await grantsOf(deps.db, [user.id]), deps.units);
    },
  );

  r.delete(
    '/users/:id/roles/:role/:unitId',
    {
      config: { auth: { permission: MANAGE } },
      schema: {
        tags,
        summary: 'Thu hồi vai trò',
        params: IdParams.extend({ role: RoleSchema, unitId: UnitIdSchema }),
      },
    },
    async (req) => {
      const { user } = await loadManageable(deps.db, req.access, req.params.id);
      const removed = await deps.db.transaction().execute(async (tx) => {
        const ok = await deleteGrant(tx, user.id, req.params.role, req.params.unitId);
        if (ok)
          await appendAudit(
            tx,
            auditOf(req, 'user.role_revoked', user.id, req.params.unitId, { role: req.params.role }),
          );
        return ok;
      });
      if (!removed)
        throw new AppError(
          'NOT_FOUND',
          t(
            'Người dùng không giữ vai trò này tại đơn vị này',
            'The user does not hold this role at this unit',
          ),
        );
      forgetPrincipal(user.id);
      return summary(user, await grantsOf(deps.db, [user.id]), deps.units);
    },
  );
}

function auditOf(
  req: { principal: { userId: string; kind: string } | null; id: string; ip: string },
  action: string,
  userId: string,
  unitId: string | null,
  details: object,
) {
  return {
    actorId: req.principal?.userId,
    actorKind: req.principal?.kind,
    unitId,
    action,
    objectType: 'user',
    objectId: userId,
    requestId: req.id,
    ip: req.ip,
    details: details as Record<string, unknown>,
  };
}
