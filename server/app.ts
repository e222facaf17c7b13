import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { auditRoutes } from './platform/audit/routes.js';
import { roleRoutes } from './platform/authz/routes.js';
import { calendarRoutes } from './platform/calendar/routes.js';
import { verifyRoutes } from './platform/documents/routes.js';
import { registerApiDocs } from './platform/http/api-docs.js';
import { registerErrorHandling, sendError } from './platform/http/error-handler.js';
import { registerObservability } from './platform/http/observability.js';
import { type DeclaredRoute, registerRouteAuth } from './platform/http/route-auth.js';
import { registerSecurity } from './platform/http/security.js';
import { registerStaticWeb, wantsHtml } from './platform/http/static-web.js';
import { adminUserRoutes } from './platform/identity/admin-users-routes.js';
import { authRoutes } from './platform/identity/auth-routes.js';
import { agencyClientAdminRoutes, tokenRoutes } from './platform/identity/token-routes.js';
import { setupCitizenOidc } from './platform/identity/oidc/index.js';
import type { Kernel } from './platform/kernel.js';
import { AppError, t } from './platform/errors/app-error.js';
import { unitRoutes } from './platform/units/routes.js';

/**
 * The composition root: the kernel's HTTP pieces, then each module's plugin under /api/<name>.
 */
export interface BuiltApp {
  app: FastifyInstance;
  routes: DeclaredRoute[];
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const WEB_DIST = path.resolve(here, '..', 'web', 'dist');

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export async function buildApp(
  kernel: Kernel,
  opts: { serveWeb?: boolean; logger?: boolean } = {},
): Promise<BuiltApp> {
  const { env } = kernel;
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: env.LOG_LEVEL,
            redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
          },
    bodyLimit: env.BODY_LIMIT_BYTES,
    trustProxy: env.TRUST_PROXY,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    routerOptions: { maxParamLength: 200 },
  });
  // The API speaks JSON (plus the few parsers routes add); text bodies get 415, not a guess.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  registerErrorHandling(app);
  await registerSecurity(app, {
    ratePerMinute: env.RATE_LIMIT_PER_MINUTE,
    extraFormActions: kernel.formActions,
  });
  // Before route auth: the development identity provider answers /oidc itself (its own bearer tokens).
  const citizenOidc = await setupCitizenOidc(app, kernel);
  const staticUrls = opts.serveWeb ? staticFileUrls(WEB_DIST) : new Set<string>();
  const routes = registerRouteAuth(app, {
    db: kernel.db,
    units: kernel.units,
    bearer: kernel.bearer,
    staticUrls,
  });
  await registerApiDocs(app, env.publicUrl);
  registerObservability(app, { db: kernel.db, dbKind: kernel.database.kind });

  await app.register(
    async (api) =>
      authRoutes(api, {
        db: kernel.db,
        units: kernel.units,
        cookieSecure: env.cookieSecure,
        policy: kernel.loginPolicy,
      }),
    { prefix: '/api/auth' },
  );
  await app.register(async (api) => tokenRoutes(api, { db: kernel.db, issuer: env.publicUrl }), {
    prefix: '/api/auth',
  });
  await citizenOidc.register(app);
  await app.register(async (api) => adminUserRoutes(api, { db: kernel.db, units: kernel.units }), {
    prefix: '/api/admin',
  });
  await app.register(async (api) => roleRoutes(api), { prefix: '/api/admin' });
  await app.register(async (api) => agencyClientAdminRoutes(api, { db: kernel.db, units: kernel.units }), {
    prefix: '/api/admin',
  });
  await app.register(async (api) => unitRoutes(api, { units: kernel.units }), { prefix: '/api/units' });
  await app.register(
    async (api) =>
      verifyRoutes(api, { db: kernel.db, units: kernel.units, uploadLimit: env.UPLOAD_LIMIT_BYTES }),
    { prefix: '/api' },
  );
  await app.register(async (api) => calendarRoutes(api, { db: kernel.db, calendar: kernel.calendar }), {
    prefix: '/api/calendar',
  });
  await app.register(async (api) => auditRoutes(api, { db: kernel.db, units: kernel.units }), {
    prefix: '/api/audit',
  });
  for (const plugin of kernel.plugins)
    await app.register(async (api) => plugin.register(api, kernel), { prefix: plugin.prefix });

  const sendIndex = opts.serveWeb ? await registerStaticWeb(app, WEB_DIST) : null;
  app.setNotFoundHandler((req, reply) => {
    if (sendIndex && wantsHtml(req)) return sendIndex(req, reply);
    const where = `${req.method} ${req.url.split('?')[0]}`;
    return sendError(
      req,
      reply,
      new AppError('NOT_FOUND', t(`Không có đường dẫn ${where}`, `No route ${where}`)),
    );
  });
  return { app, routes };
}

function staticFileUrls(dir: string): Set<string> {
  const out = new Set<string>();
  const walk = (d: string, prefix: string) => {
    if (!fs.existsSync(d)) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name), `${prefix}${e.name}/`);
      else out.add(`${prefix}${e.name}`);
    }
  };
  walk(dir, '/');
  return out;
}
