import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../../audit/index.js';
import type { Db } from '../../db/database.js';
import { setSessionCookies } from '../auth-routes.js';
import { forgetPrincipal } from '../principals.js';
import { createSession, deleteSession } from '../sessions.js';
import { signInCitizen } from './citizen-accounts.js';
import {
  CITIZEN_LOGIN_ERROR_PATH,
  type CitizenLoginErrorCode,
  citizenLoginErrorPage,
  citizenLoginErrorUrl,
  isCitizenLoginErrorCode,
} from './login-errors.js';
import {
  LOGIN_REQUEST_TTL_MINUTES,
  type PendingLogin,
  safeReturnTo,
  savePendingLogin,
  takePendingLogin,
} from './login-requests.js';
import { type CitizenRelyingParty, citizenIdentity, classifyRpError } from './relying-party.js';

/**
 * Citizen sign-in routes:
 *   GET /api/auth/citizen/login?returnTo=/cong-dan   → the identity provider's authorization page
 *   GET /api/auth/citizen/callback                   → session cookies, then returnTo
 *   GET /dang-nhap-cong-dan-loi?code=…               → why it did not work, in Vietnamese and English
 * Every failure of the browser flow ends on the error page (never a JSON error), since a
 * citizen's browser is on the other end.
 */
export const CITIZEN_LOGIN_PATH = '/api/auth/citizen/login';
export const CITIZEN_CALLBACK_PATH = '/api/auth/citizen/callback';
export const CITIZEN_DEFAULT_RETURN_TO = '/cong-dan';
export const CITIZEN_LOGIN_COOKIE = 'tuphap_citizen_login';

export interface CitizenRouteDeps {
  db: Db;
  /** null when no identity provider is configured. */
  rp: CitizenRelyingParty | null;
  cookieSecure: boolean;
  sessionTtlMinutes: number;
}

export async function citizenAuthRoutes(app: FastifyInstance, deps: CitizenRouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];
  const rateLimit = { max: 30, timeWindow: '1 minute' };
  const loginCookie = {
    path: '/api/auth/citizen',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: deps.cookieSecure,
  };

  const fail = async (
    req: FastifyRequest,
    reply: FastifyReply,
    code: CitizenLoginErrorCode,
    pending?: PendingLogin,
    err?: unknown,
  ) => {
    req.log.warn({ err, code }, 'citizen sign-in did not complete');
    if (pending) {
      // Only sign-ins that really started are audited, so anonymous noise cannot fill the log.
      await appendAudit(deps.db, {
        actorKind: 'citizen',
        action: 'auth.citizen_login_failed',
        requestId: req.id,
        ip: req.ip,
        details: { issuer: pending.issuer, reason: code },
      });
    }
    return reply.header('cache-control', 'no-store').redirect(citizenLoginErrorUrl(code), 302);
  };

  r.get(
    CITIZEN_LOGIN_PATH,
    {
      config: { auth: 'public', rateLimit },
      schema: {
        tags,
        summary: 'Đăng nhập công dân bằng định danh điện tử / citizen sign-in (OpenID Connect)',
        description:
          'Chuyển đến nhà cung cấp định danh; returnTo chỉ nhận đường dẫn tương đối của chính hệ thống. / ' +
          'Redirects to the identity provider; returnTo accepts only a relative path of this site.',
        querystring: z.object({ returnTo: z.string().optional() }),
      },
    },
    async (req, reply) => {
      const returnTo = safeReturnTo(req.query.returnTo, CITIZEN_DEFAULT_RETURN_TO);
      if (!returnTo) return fail(req, reply, 'return_to');
      if (!deps.rp) return fail(req, reply, 'unconfigured');
      let start: Awaited<ReturnType<CitizenRelyingParty['start']>>;
      try {
        start = await deps.rp.start();
      } catch (err) {
        return fail(req, reply, 'unavailable', undefined, err);
      }
      const token = await savePendingLogin(deps.db, {
        issuer: deps.rp.issuer,
        state: start.state,
        nonce: start.nonce,
        codeVerifier: start.codeVerifier,
        returnTo,
      });
      reply.setCookie(CITIZEN_LOGIN_COOKIE, token, {
        ...loginCookie,
        maxAge: LOGIN_REQUEST_TTL_MINUTES * 60,
      });
      return reply.header('cache-control', 'no-store').redirect(start.url.href, 302);
    },
  );

  r.get(
    CITIZEN_CALLBACK_PATH,
    {
      config: { auth: 'public', rateLimit },
      schema: {
        tags,
        summary: 'Nhận kết quả đăng nhập từ nhà cung cấp định danh / identity provider callback',
      },
    },
    async (req, reply) => {
      reply.clearCookie(CITIZEN_LOGIN_COOKIE, { path: loginCookie.path });
      const pending = await takePendingLogin(deps.db, req.cookies[CITIZEN_LOGIN_COOKIE]);
      if (!pending) return fail(req, reply, 'state');
      const search = new URL(req.url, 'http://callback.invalid').search;
      const query = new URLSearchParams(search);
      if (query.get('state') !== pending.state) return fail(req, reply, 'state', pending);
      const providerError = query.get('error');
      if (providerError)
        return fail(req, reply, providerError === 'access_denied' ? 'denied' : 'failed', pending);
      if (!deps.rp || deps.rp.issuer !== pending.issuer) return fail(req, reply, 'state', pending);

      let claims: Record<string, unknown>;
      try {
        claims = await deps.rp.finish(search, pending);
      } catch (err) {
        return fail(req, reply, classifyRpError(err), pending, err);
      }
      const who = citizenIdentity(claims);
      if (!who) return fail(req, reply, 'claims', pending);

      const result = await signInCitizen(deps.db, pending.issuer, who, { requestId: req.id, ip: req.ip });
      if (!result.ok) return fail(req, reply, result.reason);

      if (req.session) await deleteSession(deps.db, req.session.idHash);
      const session = await createSession(deps.db, result.userId, deps.sessionTtlMinutes, {
        ip: req.ip,
        userAgent: req.headers['user-agent'],
      });
      forgetPrincipal(result.userId);
      setSessionCookies(reply, session, deps.cookieSecure);
      return reply.header('cache-control', 'no-store').redirect(pending.returnTo, 302);
    },
  );

  r.get(
    CITIZEN_LOGIN_ERROR_PATH,
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'Trang báo lỗi đăng nhập công dân / citizen sign-in error page (HTML)',
        querystring: z.object({ code: z.string().max(40).optional() }),
      },
    },
    async (req, reply) => {
      const code = isCitizenLoginErrorCode(req.query.code) ? req.query.code : 'failed';
      const retry = code === 'unconfigured' ? null : CITIZEN_LOGIN_PATH;
      return reply
        .status(200)
        .header('cache-control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(citizenLoginErrorPage(code, retry));
    },
  );
}
