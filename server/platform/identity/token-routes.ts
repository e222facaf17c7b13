import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { AppError, t } from '../errors/app-error.js';
import type { UnitDirectory } from '../units/index.js';
import {
  createAgencyClient,
  issueClientToken,
  revokeAgencyClient,
  rotateAgencySecret,
} from './agency-clients.js';
import { publicJwks } from './token-keys.js';

/**
 * POST /api/auth/token — OAuth2 client credentials. Answers in the protocol's own error
 * shape (RFC 6749 §5.2) so standard OAuth clients understand it; the request id is added.
 */
export async function tokenRoutes(app: FastifyInstance, deps: { db: Db; issuer: string }) {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    } catch (e) {
      done(e as Error, undefined);
    }
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/token',
    {
      config: { auth: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'OAuth2 client credentials: cấp mã truy cập cho cơ quan kết nối',
        body: z.object({
          grant_type: z.string(),
          client_id: z.string().max(100).optional(),
          client_secret: z.string().max(200).optional(),
          scope: z.string().max(500).optional(),
        }),
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      const oauthError = (status: number, error: string, description: string) =>
        reply.status(status).send({ error, error_description: description, requestId: req.id });
      if (req.body.grant_type !== 'client_credentials')
        return oauthError(400, 'unsupported_grant_type', 'Only client_credentials is supported');
      let id = req.body.client_id;
      let secret = req.body.client_secret;
      const basic = req.headers.authorization?.startsWith('Basic ')
        ? Buffer.from(req.headers.authorization.slice(6), 'base64').toString('utf8')
        : null;
      if (basic?.includes(':')) {
        const i = basic.indexOf(':');
        id = decodeURIComponent(basic.slice(0, i));
        secret = decodeURIComponent(basic.slice(i + 1));
      }
      if (!id || !secret) return oauthError(401, 'invalid_client', 'Client authentication required');
      try {
        const token = await issueClientToken(deps.db, deps.issuer, id, secret, req.body.scope, {
          requestId: req.id,
          ip: req.ip,
        });
        if (!token) return oauthError(401, 'invalid_client', 'Client authentication failed');
        return token;
      } catch (e) {
        if (e instanceof AppError && e.data?.oauthError === 'invalid_scope')
          return oauthError(400, 'invalid_scope', e.message);
        throw e;
      }
    },
  );
  r.get(
    '/jwks',
    {
      config: { auth: 'public' },
      schema: { tags: ['auth'], summary: 'Khoá công khai kiểm tra mã truy cập (JWKS)' },
    },
    async () => publicJwks(deps.db),
  );
}

/** Administrators register partner agencies' clients (the exchange module builds agreements on top). */
export async function agencyClientAdminRoutes(app: FastifyInstance, deps: { db: Db; units: UnitDirectory }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['admin'];
  const MANAGE = 'users.manage';
  const Params = z.object({ clientId: z.string().regex(/^ag_[A-Za-z0-9_-]{6,40}$/) });
  const unitOf = async (clientId: string) => {
    const row = await deps.db
      .selectFrom('platform.agency_clients as c')
      .innerJoin('platform.role_assignments as ra', 'ra.user_id', 'c.user_id')
      .select(['ra.unit_id'])
      .where('c.client_id', '=', clientId)
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', t('Không có ứng dụng kết nối này', 'No such client'));
    return row.unit_id as string;
  };

  r.post(
    '/agency-clients',
    {
      config: { auth: { permission: MANAGE } },
      schema: {
        tags,
        summary: 'Đăng ký ứng dụng của cơ quan kết nối (trả mật khẩu một lần)',
        body: z.strictObject({
          name: z.string().trim().min(3).max(200),
          unitId: z.string().max(20),
          scopes: z
            .array(z.string().regex(/^[a-z0-9_.:-]{2,60}$/))
            .max(50)
            .default([]),
        }),
      },
    },
    async (req, reply) => {
      req.access.require(MANAGE, req.body.unitId);
      return reply
        .status(201)
        .send(await createAgencyClient(deps.db, { ...req.body, createdBy: req.principal!.userId }));
    },
  );
  r.post(
    '/agency-clients/:clientId/rotate',
    {
      config: { auth: { permission: MANAGE } },
      schema: { tags, summary: 'Đổi mật khẩu ứng dụng (mật khẩu cũ còn hiệu lực 24 giờ)', params: Params },
    },
    async (req) => {
      req.access.require(MANAGE, await unitOf(req.params.clientId));
      return rotateAgencySecret(deps.db, req.params.clientId, req.principal!.userId);
    },
  );
  r.post(
    '/agency-clients/:clientId/revoke',
    {
      config: { auth: { permission: MANAGE } },
      schema: { tags, summary: 'Thu hồi ứng dụng kết nối', params: Params },
    },
    async (req, reply) => {
      req.access.require(MANAGE, await unitOf(req.params.clientId));
      await revokeAgencyClient(deps.db, req.params.clientId, req.principal!.userId);
      return reply.status(204).send();
    },
  );
}
