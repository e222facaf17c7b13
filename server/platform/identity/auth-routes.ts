import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import { z } from 'zod';
import { LoginBodySchema, PasswordChangeBodySchema, TotpConfirmBodySchema } from '../../../contracts/auth.js';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../../contracts/common.js';
import { appendAudit } from '../audit/index.js';
import { Access } from '../authz/access.js';
import type { Db } from '../db/database.js';
import { AppError, t } from '../errors/app-error.js';
import type { UnitDirectory } from '../units/index.js';
import { type LoginPolicy, loginWithPassword } from './login-service.js';
import { toMe } from './me.js';
import { assertPasswordPolicy, hashPassword, verifyPassword } from './passwords.js';
import { forgetPrincipal, loadPrincipal } from './principals.js';
import { deleteSession, deleteUserSessions } from './sessions.js';
import { checkTotp, newTotpSecret, totpUri } from './totp.js';
import { findUserById, updateUserFields } from './users-repo.js';

export interface AuthRouteDeps {
  db: Db;
  units: UnitDirectory;
  policy: LoginPolicy;
  cookieSecure: boolean;
}

export function setSessionCookies(
  reply: FastifyReply,
  s: { token: string; csrfToken: string; expiresAt: Date },
  secure: boolean,
) {
  reply.setCookie(SESSION_COOKIE, s.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    expires: s.expiresAt,
  });
  reply.setCookie(CSRF_COOKIE, s.csrfToken, {
    path: '/',
    httpOnly: false,
    sameSite: 'strict',
    secure,
    expires: s.expiresAt,
  });
}

export function clearSessionCookies(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

export async function authRoutes(app: FastifyInstance, deps: AuthRouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];

  r.post(
    '/login',
    {
      config: { auth: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Đăng nhập cán bộ / staff sign-in', body: LoginBodySchema },
    },
    async (req, reply) => {
      const { userId, session } = await loginWithPassword(deps.db, deps.policy, req.body, {
        ip: req.ip,
        userAgent: req.headers['user-agent'],
        requestId: req.id,
      });
      setSessionCookies(reply, session, deps.cookieSecure);
      forgetPrincipal(userId);
      const p = await loadPrincipal(deps.db, userId);
      if (!p) throw new AppError('UNAUTHENTICATED');
      const access = new Access(p, deps.units);
      return { user: toMe(p, access, deps.units), csrfToken: session.csrfToken };
    },
  );

  r.get(
    '/me',
    { config: { auth: 'authenticated' }, schema: { tags, summary: 'Người dùng hiện tại / current user' } },
    async (req) => {
      const p = req.principal!;
      return { user: toMe(p, req.access, deps.units), csrfToken: req.session?.csrfToken ?? '' };
    },
  );

  r.post(
    '/logout',
    { config: { auth: 'authenticated' }, schema: { tags, summary: 'Đăng xuất / sign out' } },
    async (req, reply) => {
      if (req.session) {
        await deleteSession(deps.db, req.session.idHash);
        await appendAudit(deps.db, {
          actorId: req.principal!.userId,
          actorKind: req.principal!.kind,
          action: 'auth.logout',
          requestId: req.id,
          ip: req.ip,
        });
      }
      clearSessionCookies(reply);
      return reply.status(204).send();
    },
  );

  r.post(
    '/password',
    {
      config: { auth: 'authenticated', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Đổi mật khẩu / change password', body: PasswordChangeBodySchema },
    },
    async (req, reply) => {
      const p = req.principal!;
      const user = await findUserById(deps.db, p.userId);
      if (user?.kind !== 'staff')
        throw new AppError(
          'FORBIDDEN',
          t('Chỉ tài khoản cán bộ có mật khẩu', 'Only staff accounts have passwords'),
        );
      if (!(await verifyPassword(user.password_hash, req.body.currentPassword))) {
        throw new AppError(
          'INVALID_CREDENTIALS',
          t('Mật khẩu hiện tại không đúng', 'Current password is wrong'),
        );
      }
      if (req.body.newPassword === req.body.currentPassword) {
        throw new AppError(
          'VALIDATION',
          t('Mật khẩu mới phải khác mật khẩu cũ', 'The new password must differ from the old one'),
        );
      }
      assertPasswordPolicy(req.body.newPassword, user.username);
      const hash = await hashPassword(req.body.newPassword);
      await deps.db.transaction().execute(async (tx) => {
        await updateUserFields(tx, user.id, { password_hash: hash, must_change_password: false });
        await deleteUserSessions(tx, user.id, req.session?.idHash);
        await appendAudit(tx, {
          actorId: user.id,
          actorKind: 'staff',
          action: 'auth.password_changed',
          objectType: 'user',
          objectId: user.id,
          requestId: req.id,
          ip: req.ip,
        });
      });
      forgetPrincipal(user.id);
      return reply.status(204).send();
    },
  );

  r.post(
    '/totp/setup',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags,
        summary: 'Bắt đầu thiết lập TOTP / start TOTP enrolment',
        response: { 200: z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() }) },
      },
    },
    async (req) => {
      const p = req.principal!;
      if (p.kind !== 'staff') throw new AppError('FORBIDDEN', t('Chỉ dành cho cán bộ', 'Staff only'));
      if (p.totpEnabled)
        throw new AppError(
          'CONFLICT',
          t('Đã bật xác thực hai lớp', 'Two-factor authentication is already on'),
        );
      const secret = newTotpSecret();
      await updateUserFields(deps.db, p.userId, { totp_secret: secret, totp_enabled: false });
      const otpauthUrl = totpUri(secret, p.username ?? p.userId);
      return { secret, otpauthUrl, qrDataUrl: await QRCode.toDataURL(otpauthUrl) };
    },
  );

  r.post(
    '/totp/confirm',
    {
      config: { auth: 'authenticated', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Xác nhận TOTP / confirm TOTP', body: TotpConfirmBodySchema },
    },
    async (req, reply) => {
      const p = req.principal!;
      const user = await findUserById(deps.db, p.userId);
      if (!user?.totp_secret || user.totp_enabled)
        throw new AppError('INVALID_STATE', t('Chưa bắt đầu thiết lập TOTP', 'TOTP enrolment not started'));
      if (!(await checkTotp(user.totp_secret, req.body.code))) throw new AppError('TOTP_INVALID');
      await deps.db.transaction().execute(async (tx) => {
        await updateUserFields(tx, user.id, { totp_enabled: true });
        await appendAudit(tx, {
          actorId: user.id,
          actorKind: 'staff',
          action: 'auth.totp_enabled',
          objectType: 'user',
          objectId: user.id,
          requestId: req.id,
          ip: req.ip,
        });
      });
      forgetPrincipal(user.id);
      return reply.status(204).send();
    },
  );
}
