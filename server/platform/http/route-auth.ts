import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CSRF_HEADER, SESSION_COOKIE } from '../../../contracts/common.js';
import { Access, forbidden } from '../authz/access.js';
import type { Permission } from '../authz/permissions.js';
import type { Db } from '../db/database.js';
import { AppError, t } from '../errors/app-error.js';
import { type LoadedPrincipal, loadPrincipal } from '../identity/principals.js';
import { findSession, type SessionRecord } from '../identity/sessions.js';
import type { UnitDirectory } from '../units/index.js';

/**
 * Every route declares who may call it, in its config:
 *   config: { auth: 'public' }                       anyone
 *   config: { auth: 'authenticated' }                any signed-in user (self-service)
 *   config: { auth: { permission: 'users.manage' } } the permission held at some unit;
 *                                                    the handler then checks the unit
 *                                                    with req.access.require(permission, unitId)
 * A route that declares nothing is refused (fail closed) and listed by `undeclaredRoutes`.
 */
export type RouteAuth = 'public' | 'authenticated' | { permission: Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: RouteAuth;
  }
  interface FastifyRequest {
    principal: LoadedPrincipal | null;
    session: SessionRecord | null;
    access: Access;
  }
}

export interface DeclaredRoute {
  method: string;
  url: string;
  auth: RouteAuth | undefined;
}

/** Route prefixes served by third-party plugins that are public by nature. */
const PUBLIC_PREFIXES = ['/api/docs', '/oidc', '/assets/', '/.well-known/'];

export type BearerVerifier = (token: string) => Promise<LoadedPrincipal | null>;

export function registerRouteAuth(
  app: FastifyInstance,
  deps: { db: Db; units: UnitDirectory; bearer?: BearerVerifier; staticUrls?: ReadonlySet<string> },
): DeclaredRoute[] {
  const routes: DeclaredRoute[] = [];
  app.decorateRequest('principal', null);
  app.decorateRequest('session', null);
  app.decorateRequest('access', null as unknown as Access);

  app.addHook('onRoute', (opts) => {
    const config = (opts.config ?? {}) as { auth?: RouteAuth };
    const methods0 = Array.isArray(opts.method) ? opts.method : [opts.method];
    const servedFile = methods0.every((m) => m === 'GET' || m === 'HEAD') && deps.staticUrls?.has(opts.url);
    if (!config.auth && (servedFile || PUBLIC_PREFIXES.some((p) => opts.url.startsWith(p)))) {
      opts.config = { ...config, auth: 'public' };
    }
    const methods = Array.isArray(opts.method) ? opts.method : [opts.method];
    for (const m of methods) {
      if (m === 'HEAD') continue;
      routes.push({
        method: m,
        url: opts.url,
        auth: (opts.config as { auth?: RouteAuth } | undefined)?.auth,
      });
    }
  });

  app.addHook('onRequest', async (req) => {
    const auth = req.routeOptions.config?.auth;
    // On a public route a bad token is ignored (the caller is anonymous); elsewhere it is a clear 401.
    await resolvePrincipal(req, deps, auth === 'public');
    // Unmatched URLs (404) have no route config; the not-found handler answers them.
    if (!req.routeOptions.url) return;
    if (auth === 'public') return;
    if (!auth) throw forbidden('route-declaration');
    if (!req.principal) throw new AppError('UNAUTHENTICATED');
    if (req.session && !['GET', 'HEAD', 'OPTIONS'].includes(req.method)) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || sent !== req.session.csrfToken) throw new AppError('CSRF');
    }
    if (auth === 'authenticated') return;
    if (!req.access.hasAnywhere(auth.permission)) {
      if (req.principal.restriction === 'password_change') {
        throw new AppError(
          'FORBIDDEN',
          t('Cần đổi mật khẩu ban đầu trước', 'Change your initial password first'),
        );
      }
      if (req.principal.restriction === 'mfa_enrollment') {
        throw new AppError(
          'FORBIDDEN',
          t('Cần thiết lập xác thực hai lớp (TOTP) trước', 'Set up two-factor authentication (TOTP) first'),
        );
      }
      throw forbidden(auth.permission);
    }
  });
  return routes;
}

async function resolvePrincipal(
  req: FastifyRequest,
  deps: { db: Db; units: UnitDirectory; bearer?: BearerVerifier },
  lenient: boolean,
) {
  const authz = req.headers.authorization;
  if (authz?.startsWith('Bearer ') && deps.bearer) {
    const p = await deps.bearer(authz.slice(7).trim());
    if (!p && !lenient)
      throw new AppError(
        'UNAUTHENTICATED',
        t('Mã truy cập không hợp lệ hoặc đã hết hạn', 'Invalid or expired access token'),
      );
    req.principal = p;
  } else {
    const token = req.cookies?.[SESSION_COOKIE];
    if (token) {
      const session = await findSession(deps.db, token);
      if (session) {
        const p = await loadPrincipal(deps.db, session.userId);
        if (p) {
          req.session = session;
          req.principal = p;
        }
      }
    }
  }
  req.access = new Access(
    req.principal ?? {
      userId: '',
      kind: 'citizen',
      displayName: '',
      username: null,
      personalId: null,
      grants: [],
    },
    deps.units,
  );
}

/** Routes that declare neither a permission nor public/authenticated access. */
export const undeclaredRoutes = (routes: DeclaredRoute[]) => routes.filter((r) => !r.auth);
