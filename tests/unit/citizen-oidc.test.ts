import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../server/platform/db/database.js';
import { undeclaredRoutes } from '../../server/platform/http/route-auth.js';
import { loadDevIdpSettings } from '../../server/platform/identity/oidc/dev-idp-store.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

/**
 * Citizen sign-in end to end, over real HTTP: the app listens on 127.0.0.1 (PUBLIC_URL is
 * that origin), so the platform as relying party discovers and calls its own development
 * identity provider exactly as it would a real one. A small browser (fetch, manual
 * redirects, a path-aware cookie jar) clicks through the provider's pages.
 */
async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as AddressInfo;
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

class Browser {
  private cookies = new Map<string, { name: string; value: string; path: string }>();

  constructor(readonly origin: string) {}

  cookie(name: string) {
    return [...this.cookies.values()].find((c) => c.name === name)?.value;
  }

  private store(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      let path = '/';
      let expired = false;
      for (const a of attrs) {
        const [k, v = ''] = a.split('=');
        if (k.toLowerCase() === 'path') path = v;
        if (k.toLowerCase() === 'max-age' && Number(v) <= 0) expired = true;
        if (k.toLowerCase() === 'expires' && new Date(v).getTime() < Date.now()) expired = true;
      }
      const key = `${name}@${path}`;
      if (expired) this.cookies.delete(key);
      else this.cookies.set(key, { name, value, path });
    }
  }

  private header(url: URL) {
    return [...this.cookies.values()]
      .filter(
        (c) =>
          url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`),
      )
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  async request(method: 'GET' | 'POST', target: string, form?: Record<string, string>): Promise<Response> {
    const url = new URL(target, this.origin);
    const headers: Record<string, string> = { accept: 'text/html' };
    const cookie = this.header(url);
    if (cookie) headers.cookie = cookie;
    if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(url, {
      method,
      headers,
      body: form ? new URLSearchParams(form) : undefined,
      redirect: 'manual',
    });
    this.store(res);
    return res;
  }

  /** Follows redirects with GETs until an answer that is not a redirect, or a location `stop` accepts. */
  async follow(
    res: Response,
    stop: (location: URL) => boolean = () => false,
  ): Promise<{ res: Response; location?: URL }> {
    for (let hops = 0; hops < 10; hops++) {
      const to = res.headers.get('location');
      if (!to || res.status < 300 || res.status >= 400) return { res };
      const location = new URL(to, this.origin);
      if (stop(location)) return { res, location };
      res = await this.request('GET', location.href);
    }
    throw new Error('too many redirects');
  }
}

interface ChosenCitizen {
  sub: string;
  name: string;
  personalId: string;
}

const CALLBACK = '/api/auth/citizen/callback';
const atCallback = (u: URL) => u.pathname === CALLBACK;

/** The choices the provider's sign-in page offers, read from its HTML. */
function citizensOnPage(html: string): ChosenCitizen[] {
  const out: ChosenCitizen[] = [];
  const re =
    /name="citizen" value="([^"]+)"[\s\S]*?<span class="name">([^<]+)<\/span>[\s\S]*?data-personal-id>([^<]+)</g;
  for (const m of html.matchAll(re)) out.push({ sub: m[1], name: m[2], personalId: m[3] });
  return out;
}

const formAction = (html: string, suffix: string) => {
  const m = html.match(new RegExp(`<form method="post" action="([^"]+/${suffix})"`));
  if (!m) throw new Error(`no ${suffix} form on the page`);
  return m[1];
};

/** Login → provider → choose a citizen → consent; stops before the platform's callback. */
async function signInUntilCallback(b: Browser, opts: { pick?: number; decision?: 'allow' | 'deny' } = {}) {
  const start = await b.request('GET', '/api/auth/citizen/login?returnTo=/cong-dan');
  expect(start.status).toBe(302);
  expect(new URL(start.headers.get('location')!).pathname).toBe('/oidc/auth');
  const loginPage = (await b.follow(start)).res;
  expect(loginPage.status).toBe(200);
  const loginHtml = await loginPage.text();
  expect(loginHtml).toContain('Đăng nhập bằng định danh điện tử');
  expect(loginPage.headers.get('content-security-policy')).toContain("script-src 'self'");
  expect(loginHtml).not.toMatch(/<script/i);
  const choices = citizensOnPage(loginHtml);
  expect(choices.length).toBeGreaterThanOrEqual(3);
  const chosen = choices[opts.pick ?? 0];

  const afterLogin = await b.request('POST', formAction(loginHtml, 'login'), { citizen: chosen.sub });
  expect(afterLogin.status).toBe(303);
  const consentPage = (await b.follow(afterLogin)).res;
  expect(consentPage.status).toBe(200);
  const consentHtml = await consentPage.text();
  expect(consentHtml).toContain('Số định danh cá nhân');

  const afterConsent = await b.request('POST', formAction(consentHtml, 'confirm'), {
    decision: opts.decision ?? 'allow',
  });
  const { location } = await b.follow(afterConsent, atCallback);
  if (!location) throw new Error('the provider did not come back to the callback');
  return { callback: location, chosen };
}

describe('citizen sign-in with OpenID Connect (development identity provider)', () => {
  let t: TestApp;
  let origin: string;

  beforeAll(async () => {
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    t = await createTestApp({ PUBLIC_URL: origin });
    await t.app.listen({ port, host: '127.0.0.1' });
  });
  afterAll(() => t.close());

  it('publishes discovery metadata requiring PKCE S256 at the issuer', async () => {
    const res = await fetch(`${origin}/oidc/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    const meta = await res.json();
    expect(meta.issuer).toBe(`${origin}/oidc`);
    expect(meta.code_challenge_methods_supported).toEqual(['S256']);
    expect(meta.claims_supported).toEqual(
      expect.arrayContaining(['sub', 'name', 'personal_id', 'birthdate', 'gender']),
    );
  });

  it('declares every route, the citizen ones public', () => {
    expect(undeclaredRoutes(t.routes)).toEqual([]);
    const citizen = t.routes.filter(
      (r) => r.url.startsWith('/api/auth/citizen/') || r.url.startsWith('/oidc/'),
    );
    expect(citizen.length).toBeGreaterThanOrEqual(6);
    for (const r of citizen) expect(r.auth).toBe('public');
  });

  it('signs a demo citizen in end to end and opens a platform session', async () => {
    const b = new Browser(origin);
    const { callback, chosen } = await signInUntilCallback(b);
    expect(callback.searchParams.get('code')).toBeTruthy();

    const done = await b.request('GET', callback.href);
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe('/cong-dan');
    expect(b.cookie('tuphap_session')).toBeTruthy();

    const me = await b.request('GET', '/api/auth/me');
    expect(me.status).toBe(200);
    const { user } = await me.json();
    expect(user.kind).toBe('citizen');
    expect(user.personalId).toMatch(/^\d{12}$/);
    expect(user.personalId).toBe(chosen.personalId);
    expect(user.displayName).toBe(chosen.name);
    expect(user.roles).toEqual([expect.objectContaining({ role: 'citizen', unitId: 'VN' })]);

    const audit = await sql<{ actor_id: string }>`
      select actor_id from platform.audit_log where action = 'auth.citizen_login'`.execute(t.kernel.db);
    expect(audit.rows.map((r) => r.actor_id)).toContain(user.id);

    // Signing in again as the same person finds the same account.
    const again = new Browser(origin);
    const second = await signInUntilCallback(again, { pick: 0 });
    await again.request('GET', second.callback.href);
    const me2 = await (await again.request('GET', '/api/auth/me')).json();
    expect(me2.user.id).toBe(user.id);
  });

  it('refuses a callback whose state was changed', async () => {
    const b = new Browser(origin);
    const { callback } = await signInUntilCallback(b, { pick: 1 });
    callback.searchParams.set('state', 'tampered-state-value');
    const res = await b.request('GET', callback.href);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/dang-nhap-cong-dan-loi?code=state');
    expect(b.cookie('tuphap_session')).toBeUndefined();
    expect((await b.request('GET', '/api/auth/me')).status).toBe(401);

    const page = await b.request('GET', res.headers.get('location')!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Phiên đăng nhập không hợp lệ');
  });

  it('refuses a callback from a browser that did not start the sign-in', async () => {
    const { callback } = await signInUntilCallback(new Browser(origin), { pick: 2 });
    const stranger = new Browser(origin);
    const res = await stranger.request('GET', callback.href);
    expect(res.headers.get('location')).toBe('/dang-nhap-cong-dan-loi?code=state');
    expect(stranger.cookie('tuphap_session')).toBeUndefined();
  });

  it('tells the citizen when consent was refused', async () => {
    const b = new Browser(origin);
    const { callback } = await signInUntilCallback(b, { decision: 'deny' });
    expect(callback.searchParams.get('error')).toBe('access_denied');
    const res = await b.request('GET', callback.href);
    expect(res.headers.get('location')).toBe('/dang-nhap-cong-dan-loi?code=denied');
    expect(b.cookie('tuphap_session')).toBeUndefined();
  });

  it('accepts only relative return paths of this site', async () => {
    for (const bad of [
      'https://evil.example/cong-dan',
      '//evil.example/x',
      '/\\evil.example',
      'javascript:alert(1)',
      '/api/auth/me',
    ]) {
      const b = new Browser(origin);
      const res = await b.request('GET', `/api/auth/citizen/login?returnTo=${encodeURIComponent(bad)}`);
      expect(res.status, bad).toBe(302);
      expect(res.headers.get('location'), bad).toBe('/dang-nhap-cong-dan-loi?code=return_to');
      expect(b.cookie('tuphap_citizen_login'), bad).toBeUndefined();
    }
    const ok = await new Browser(origin).request(
      'GET',
      `/api/auth/citizen/login?returnTo=${encodeURIComponent('/cong-dan/ho-so?x=1')}`,
    );
    expect(new URL(ok.headers.get('location')!).pathname).toBe('/oidc/auth');
  });

  it('the provider requires PKCE: no code_challenge, or a token request without the verifier, fails', async () => {
    const r = await sql<{ value: { clientId: string; clientSecret: string } }>`
      select value from platform.dev_idp_settings where name = 'client'`.execute(t.kernel.db);
    const { clientId, clientSecret } = r.rows[0].value;
    const redirectUri = `${origin}${CALLBACK}`;

    const noChallenge = new URL(`${origin}/oidc/auth`);
    noChallenge.search = new URLSearchParams({
      client_id: clientId,
      response_type: 'code',
      scope: 'openid',
      redirect_uri: redirectUri,
      state: 's1',
    }).toString();
    const refused = await fetch(noChallenge, { redirect: 'manual' });
    const back = new URL(refused.headers.get('location')!);
    expect(back.pathname).toBe(CALLBACK);
    expect(back.searchParams.get('error')).toBe('invalid_request');
    expect(back.searchParams.get('error_description')).toMatch(/PKCE/);

    const { callback } = await signInUntilCallback(new Browser(origin), { pick: 3 });
    const token = await fetch(`${origin}/oidc/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: callback.searchParams.get('code')!,
        redirect_uri: redirectUri,
      }),
    });
    expect(token.status).toBe(400);
    expect((await token.json()).error).toBe('invalid_grant');
  });

  it('answers an unknown or expired interaction with a Vietnamese page', async () => {
    const res = await new Browser(origin).request('GET', '/oidc/interaction/unknown-interaction-id');
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Phiên đăng nhập đã hết hạn');
  });

  it('keeps its signing key and client across restarts', async () => {
    const first = await loadDevIdpSettings(t.kernel.db);
    const second = await loadDevIdpSettings(t.kernel.db);
    expect(second.signingKey.kid).toBe(first.signingKey.kid);
    expect(second.client).toEqual(first.client);
  });
});

describe('citizen sign-in with an unreachable or missing issuer', () => {
  it('sends the citizen to the error page when the issuer cannot be reached', async () => {
    const port = await freePort();
    const t = await createTestApp({ OIDC_ISSUER: `http://127.0.0.1:${port}/idp`, OIDC_CLIENT_ID: 'tuphap' });
    try {
      expect(t.routes.some((r) => r.url.startsWith('/oidc/'))).toBe(false);
      const res = await t.anonymous.request('GET', '/api/auth/citizen/login');
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe('/dang-nhap-cong-dan-loi?code=unavailable');
      const page = await t.anonymous.request('GET', '/dang-nhap-cong-dan-loi?code=unavailable');
      expect(page.body).toContain('Không kết nối được với hệ thống định danh điện tử');
    } finally {
      await t.close();
    }
  });
});
