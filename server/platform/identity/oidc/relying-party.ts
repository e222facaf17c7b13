import * as client from 'openid-client';
import type { CitizenLoginErrorCode } from './login-errors.js';
import { isPersonalIdShape } from './personal-id.js';

/**
 * The platform as an OpenID Connect relying party (openid-client 6): discovery (cached),
 * the authorization request with state, nonce and PKCE (S256), and the code exchange with
 * ID token and userinfo checks. It knows nothing of users or sessions (citizen-routes.ts).
 */
export interface RpSettings {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  redirectUri: string;
  scope: string;
  /** Plain-HTTP issuer, allowed only in demo mode (the built-in provider, a local test issuer). */
  allowHttp: boolean;
  /** Extra authorization request parameters (the built-in provider asks to choose a citizen every time). */
  extraParams?: Record<string, string>;
}

export interface AuthorizationStart {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface CitizenIdentity {
  subject: string;
  name: string;
  personalId: string;
}

const DISCOVERY_TTL_MS = 60 * 60_000;
const HTTP_TIMEOUT_SECONDS = 10;

export class CitizenRelyingParty {
  private cached: { config: client.Configuration; at: number } | null = null;

  constructor(readonly settings: RpSettings) {}

  get issuer() {
    return this.settings.issuer;
  }

  /** The issuer's metadata and the client, discovered once an hour (and again after a failure). */
  async configuration(): Promise<client.Configuration> {
    if (this.cached && Date.now() - this.cached.at < DISCOVERY_TTL_MS) return this.cached.config;
    const s = this.settings;
    const execute = s.allowHttp ? [client.allowInsecureRequests] : [];
    const discovered = await client.discovery(new URL(s.issuer), s.clientId, undefined, client.None(), {
      execute,
      timeout: HTTP_TIMEOUT_SECONDS,
    });
    const meta = discovered.serverMetadata();
    const config = new client.Configuration(
      meta,
      s.clientId,
      s.clientSecret ? { client_secret: s.clientSecret } : undefined,
      clientAuthentication(meta.token_endpoint_auth_methods_supported, s.clientSecret),
    );
    if (s.allowHttp) client.allowInsecureRequests(config);
    config.timeout = HTTP_TIMEOUT_SECONDS;
    this.cached = { config, at: Date.now() };
    return config;
  }

  async start(): Promise<AuthorizationStart> {
    const config = await this.configuration();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      ...this.settings.extraParams,
      redirect_uri: this.settings.redirectUri,
      response_type: 'code',
      scope: this.settings.scope,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url, state, nonce, codeVerifier };
  }

  /**
   * Exchanges the code from the callback's query string and returns the ID token's and
   * userinfo's claims together (userinfo wins; its subject must be the ID token's).
   */
  async finish(callbackSearch: string, expected: { state: string; nonce: string; codeVerifier: string }) {
    const config = await this.configuration();
    const currentUrl = new URL(this.settings.redirectUri);
    currentUrl.search = callbackSearch;
    const tokens = await client.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: expected.codeVerifier,
      expectedState: expected.state,
      expectedNonce: expected.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new client.ClientError('no ID token');
    const userinfo = config.serverMetadata().userinfo_endpoint
      ? await client.fetchUserInfo(config, tokens.access_token, idClaims.sub)
      : {};
    return { ...idClaims, ...userinfo } as Record<string, unknown>;
  }
}

/** client_secret_basic unless the issuer lists only client_secret_post; no secret: a public client (PKCE only). */
function clientAuthentication(
  supported: string[] | undefined,
  secret: string | undefined,
): client.ClientAuth {
  if (!secret) return client.None();
  if (supported && !supported.includes('client_secret_basic') && supported.includes('client_secret_post')) {
    return client.ClientSecretPost(secret);
  }
  return client.ClientSecretBasic(secret);
}

/** The citizen's identity from the released claims, or null when the name or a 12-digit personal ID is missing. */
export function citizenIdentity(claims: Record<string, unknown>): CitizenIdentity | null {
  const subject = typeof claims.sub === 'string' ? claims.sub : '';
  const parts = [claims.family_name, claims.middle_name, claims.given_name].filter(
    (p) => typeof p === 'string' && p,
  );
  const name = (typeof claims.name === 'string' && claims.name.trim()) || parts.join(' ').trim();
  const personalId = claims.personal_id;
  if (!subject || subject.length > 255 || !name || name.length > 200 || !isPersonalIdShape(personalId))
    return null;
  return { subject, name: name.normalize('NFC'), personalId };
}

/** What a failed exchange means for the citizen: the provider unreachable, a refusal, or any other failure. */
export function classifyRpError(err: unknown): CitizenLoginErrorCode {
  if (err instanceof client.AuthorizationResponseError)
    return err.error === 'access_denied' ? 'denied' : 'failed';
  if (err instanceof client.ResponseBodyError) return err.status >= 500 ? 'unavailable' : 'failed';
  if (err instanceof TypeError && err.message === 'fetch failed') return 'unavailable'; // refused, DNS, TLS
  if (err instanceof client.ClientError) {
    const cause = (err as { cause?: unknown }).cause;
    if (cause instanceof DOMException && (cause.name === 'TimeoutError' || cause.name === 'AbortError'))
      return 'unavailable';
    if (err.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' || err.code === 'OAUTH_RESPONSE_IS_NOT_JSON')
      return 'unavailable';
  }
  return 'failed';
}
