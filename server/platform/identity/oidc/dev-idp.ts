import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { Provider } from 'oidc-provider';
import type { Db } from '../../db/database.js';
import { devCitizenClaims, findDevCitizen } from './dev-citizens.js';
import { DEV_IDP_ALG, loadDevIdpSettings, PgDevIdpAdapter } from './dev-idp-store.js';
import { escapeHtml, page } from './html.js';

/**
 * The development identity provider: an OpenID Connect provider shaped like VNeID, mounted
 * in the platform's own process under /oidc, for demo mode only. Authorization code flow
 * with PKCE (S256) required, one registered client (the platform), ES256-signed ID tokens,
 * VNeID-like claims. Its keys, client and protocol state live in the database
 * (dev-idp-store.ts), so restarts keep sessions valid.
 */
export const DEV_IDP_MOUNT = '/oidc';
export const DEV_IDP_CLIENT_NAME = 'Cổng Tư pháp số';

/** The claims released per scope; the consent page lists them. */
export const DEV_IDP_SCOPE_CLAIMS: Record<string, string[]> = {
  openid: ['sub'],
  profile: ['name', 'personal_id', 'birthdate', 'gender'],
  phone: ['phone_number', 'phone_number_verified'],
};

export interface DevIdp {
  provider: Provider;
  issuer: string;
  client: { clientId: string; clientSecret: string };
}

export interface DevIdpOptions {
  db: Db;
  publicUrl: string;
  redirectUri: string;
  trustProxy: boolean;
  log: { error: (o: object, m?: string) => void };
}

export async function createDevIdp(opts: DevIdpOptions): Promise<DevIdp> {
  // Loaded only when the provider is wanted (it warns about the Node.js version when imported).
  const { Provider: ProviderClass } = await import('oidc-provider');
  const settings = await loadDevIdpSettings(opts.db);
  const issuer = `${opts.publicUrl}${DEV_IDP_MOUNT}`;
  const interactionBase = `${new URL(issuer).pathname}/interaction`;

  const provider = new ProviderClass(issuer, {
    adapter: (model: string) => new PgDevIdpAdapter(opts.db, model),
    clients: [
      {
        client_id: settings.client.clientId,
        client_secret: settings.client.clientSecret,
        client_name: DEV_IDP_CLIENT_NAME,
        redirect_uris: [opts.redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
        id_token_signed_response_alg: DEV_IDP_ALG,
      },
    ],
    jwks: { keys: [settings.signingKey] },
    cookies: { keys: settings.cookieKeys },
    claims: DEV_IDP_SCOPE_CLAIMS,
    scopes: ['openid'],
    responseTypes: ['code'],
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: false } },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) => `${interactionBase}/${interaction.uid}`,
    },
    findAccount: async (_ctx: unknown, sub: string) => {
      const citizen = findDevCitizen(sub);
      return citizen ? { accountId: citizen.sub, claims: () => devCitizenClaims(citizen) } : undefined;
    },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 600,
      Interaction: 900,
      Session: 3600,
      Grant: 86_400,
    },
    clientBasedCORS: () => false,
    renderError: async (ctx: { type: string; body: unknown }, out: Record<string, unknown>) => {
      ctx.type = 'html';
      ctx.body = providerErrorPage(out);
    },
  });
  provider.proxy = opts.trustProxy;
  provider.on('server_error', (_ctx: unknown, err: unknown) =>
    opts.log.error({ err }, 'development identity provider error'),
  );
  return { provider, issuer, client: settings.client };
}

/** True for URLs the provider answers itself; /oidc/interaction/* are the platform's own pages. */
export function isProviderUrl(url: string): boolean {
  const inMount =
    url === DEV_IDP_MOUNT || url.startsWith(`${DEV_IDP_MOUNT}/`) || url.startsWith(`${DEV_IDP_MOUNT}?`);
  return inMount && !url.startsWith(`${DEV_IDP_MOUNT}/interaction/`);
}

/**
 * Hands the provider's URLs to oidc-provider before any later hook runs: the reply is
 * hijacked and the raw request and response are passed on, with the mount path moved from
 * the URL to originalUrl/baseUrl as oidc-provider expects when mounted. Must be added
 * before the route-auth hook, so the provider's own bearer tokens (userinfo) never reach
 * the platform's token check. Security headers and rate limits, added earlier, still apply.
 */
export function mountDevIdp(app: FastifyInstance, idp: DevIdp) {
  const handle = idp.provider.callback();
  app.addHook('onRequest', async (req, reply) => {
    const url = req.raw.url ?? '';
    if (!isProviderUrl(url)) return;
    reply.hijack();
    const raw = req.raw as IncomingMessage & { originalUrl?: string; baseUrl?: string };
    raw.originalUrl = url;
    raw.baseUrl = DEV_IDP_MOUNT;
    raw.url = url.slice(DEV_IDP_MOUNT.length) || '/';
    try {
      await handle(raw, reply.raw);
    } catch (err) {
      req.log.error({ err }, 'development identity provider failed');
      if (!reply.raw.headersSent) reply.raw.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      reply.raw.end('Lỗi hệ thống / Internal error');
    }
  });
}

function providerErrorPage(out: Record<string, unknown>): string {
  const code = typeof out.error === 'string' ? out.error : 'server_error';
  const description = typeof out.error_description === 'string' ? out.error_description : '';
  return page(
    'Yêu cầu đăng nhập không hợp lệ',
    `<h1>Yêu cầu đăng nhập không hợp lệ</h1>
<p class="en">The sign-in request is not valid.</p>
<p>Nhà cung cấp định danh thử nghiệm không xử lý được yêu cầu này. Vui lòng quay lại Cổng Tư pháp số và đăng nhập lại.</p>
<p class="meta">Mã lỗi / error: <code>${escapeHtml(code)}</code>${description ? ` — ${escapeHtml(description)}` : ''}</p>
<div class="actions"><a class="button primary" href="/">Về trang chủ / Home</a></div>`,
    'Nhà cung cấp định danh thử nghiệm',
  );
}
