import type { FastifyInstance } from 'fastify';
import type { Env } from '../../env.js';
import type { Kernel } from '../../kernel.js';
import { CITIZEN_CALLBACK_PATH, citizenAuthRoutes } from './citizen-routes.js';
import { createDevIdp, type DevIdp, mountDevIdp } from './dev-idp.js';
import { devIdpInteractionRoutes } from './dev-idp-pages.js';
import { CitizenRelyingParty, type RpSettings } from './relying-party.js';

/**
 * Citizen sign-in with OpenID Connect: the platform as relying party of the configured
 * issuer (OIDC_ISSUER, e.g. VNeID) or, in demo mode, of its own development identity
 * provider under /oidc. Wired in two steps by the composition root:
 *
 *   const citizenOidc = await setupCitizenOidc(app, kernel); // before route auth: mounts the provider
 *   ...
 *   await citizenOidc.register(app);                          // the routes
 *
 * See README.md in the parent folder for configuring a real issuer.
 */
export interface CitizenOidc {
  /** The issuer the platform signs citizens in with, or null when none is configured. */
  issuer: string | null;
  devIdp: DevIdp | null;
  register(app: FastifyInstance): Promise<void>;
}

export class OidcConfigError extends Error {}

export async function setupCitizenOidc(app: FastifyInstance, kernel: Kernel): Promise<CitizenOidc> {
  const { env } = kernel;
  const redirectUri = `${env.publicUrl}${CITIZEN_CALLBACK_PATH}`;
  let devIdp: DevIdp | null = null;
  if (env.devIdp) {
    if (!env.demo) {
      throw new OidcConfigError(
        'Nhà cung cấp định danh thử nghiệm (OIDC_DEV_IDP) chỉ chạy ở chế độ minh hoạ (DEMO) / ' +
          'the development identity provider runs in demo mode only',
      );
    }
    devIdp = await createDevIdp({
      db: kernel.db,
      publicUrl: env.publicUrl,
      redirectUri,
      trustProxy: env.TRUST_PROXY,
      log: kernel.log,
    });
    mountDevIdp(app, devIdp);
  }
  const settings = relyingPartySettings(env, devIdp, redirectUri);
  const rp = settings ? new CitizenRelyingParty(settings) : null;
  return {
    issuer: rp?.issuer ?? null,
    devIdp,
    async register(target) {
      const idp = devIdp;
      if (idp) await target.register(async (scope) => devIdpInteractionRoutes(scope, idp));
      await target.register(async (scope) =>
        citizenAuthRoutes(scope, {
          db: kernel.db,
          rp,
          cookieSecure: env.cookieSecure,
          sessionTtlMinutes: kernel.loginPolicy.sessionTtlMinutes,
        }),
      );
    },
  };
}

/** A configured issuer wins over the development provider; neither: citizen sign-in is off. */
export function relyingPartySettings(
  env: Env,
  devIdp: DevIdp | null,
  redirectUri: string,
): RpSettings | null {
  const scope = withOpenid(env.OIDC_SCOPE);
  if (env.OIDC_ISSUER) {
    if (!env.OIDC_CLIENT_ID)
      throw new OidcConfigError('OIDC_ISSUER cần OIDC_CLIENT_ID / OIDC_ISSUER needs OIDC_CLIENT_ID');
    const http = new URL(env.OIDC_ISSUER).protocol === 'http:';
    if (http && !env.demo) {
      throw new OidcConfigError(
        'OIDC_ISSUER phải dùng https ngoài chế độ minh hoạ / OIDC_ISSUER must use https outside demo mode',
      );
    }
    return {
      issuer: env.OIDC_ISSUER,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      redirectUri,
      scope,
      allowHttp: http,
    };
  }
  if (devIdp) {
    return {
      issuer: devIdp.issuer,
      clientId: devIdp.client.clientId,
      clientSecret: devIdp.client.clientSecret,
      redirectUri,
      scope,
      allowHttp: devIdp.issuer.startsWith('http:'),
      // Demo users switch between citizens: always show the chooser.
      extraParams: { prompt: 'login' },
    };
  }
  return null;
}

const withOpenid = (scope: string) => {
  const parts = scope.split(/\s+/).filter(Boolean);
  return (parts.includes('openid') ? parts : ['openid', ...parts]).join(' ');
};

export { CITIZEN_CALLBACK_PATH, CITIZEN_LOGIN_PATH } from './citizen-routes.js';
export { CITIZEN_LOGIN_ERRORS, type CitizenLoginErrorCode } from './login-errors.js';
