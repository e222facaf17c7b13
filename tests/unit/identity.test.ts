import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../server/platform/db/database.js';
import { clearSessionCache } from '../../server/platform/identity/sessions.js';
import { currentTotp } from '../../server/platform/identity/totp.js';
import { DEMO_PASSWORD } from '../../server/platform/seed/demo-seed.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

const login = (t: TestApp, body: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: body });

describe('staff identity', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15' });
  });
  afterAll(() => t.close());

  it('sets an httpOnly SameSite session cookie and a readable CSRF cookie', async () => {
    const r = await login(t, { username: 'sotuphap', password: DEMO_PASSWORD });
    expect(r.statusCode).toBe(200);
    const session = r.cookies.find((c) => c.name === 'tuphap_session')!;
    const csrf = r.cookies.find((c) => c.name === 'tuphap_csrf')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(csrf.httpOnly).toBeFalsy();
    expect(csrf.value).toBe(r.json().csrfToken);
  });

  it('a wrong password answers 401 in Vietnamese by default and in English on request', async () => {
    const vi = await login(t, { username: 'lanhdao', password: 'sai-mat-khau' });
    expect(vi.statusCode).toBe(401);
    expect(vi.json().error).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message: 'Tên đăng nhập hoặc mật khẩu không đúng',
    });
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      payload: { username: 'nobody', password: 'x' },
    });
    expect(en.json().error.message).toBe('Wrong username or password');
  });

  it('locks the account after repeated failures, even for the right password', async () => {
    for (let i = 0; i < 3; i++) await login(t, { username: 'congchung', password: `wrong-${i}` });
    const r = await login(t, { username: 'congchung', password: DEMO_PASSWORD });
    expect(r.statusCode).toBe(423);
    expect(r.json().error.code).toBe('ACCOUNT_LOCKED');
  });

  it('administrators need a TOTP code: missing → TOTP_REQUIRED, wrong → TOTP_INVALID, right → signed in', async () => {
    expect((await login(t, { username: 'admin', password: DEMO_PASSWORD })).json().error.code).toBe(
      'TOTP_REQUIRED',
    );
    const secret = (
      await sql<{
        totp_secret: string;
      }>`select totp_secret from platform.users where username = 'admin'`.execute(t.kernel.db)
    ).rows[0].totp_secret;
    const good = await currentTotp(secret);
    const wrong = String((Number(good) + 1) % 1_000_000).padStart(6, '0');
    expect(
      (await login(t, { username: 'admin', password: DEMO_PASSWORD, totp: wrong })).json().error.code,
    ).toBe('TOTP_INVALID');
    expect(
      (await login(t, { username: 'admin', password: DEMO_PASSWORD, totp: await currentTotp(secret) }))
        .statusCode,
    ).toBe(200);
  });

  it('an administrator created without TOTP gets no permission until enrolled', async () => {
    const admin = await t.as('admin');
    const created = await admin.request('POST', '/api/admin/users', {
      username: 'quantri.moi',
      displayName: 'Quản trị mới',
      password: 'Khoi-tao-2026!',
      role: 'system_admin',
      unitId: '24',
    });
    expect(created.statusCode, created.body).toBe(201);
    const fresh = await t.as('quantri.moi', 'Khoi-tao-2026!');
    const me = (await fresh.request('GET', '/api/auth/me')).json();
    expect(me.user.restriction).toBe('password_change');
    expect(me.user.permissions).toEqual([]);
    expect((await fresh.request('GET', '/api/admin/users')).statusCode).toBe(403);
    expect(
      (
        await fresh.request('POST', '/api/auth/password', {
          currentPassword: 'Khoi-tao-2026!',
          newPassword: 'Mat-khau-moi-2026!',
        })
      ).statusCode,
    ).toBe(204);
    clearSessionCache();
    const afterPw = (await fresh.request('GET', '/api/auth/me')).json();
    expect(afterPw.user.restriction).toBe('mfa_enrollment');
    const setup = (await fresh.request('POST', '/api/auth/totp/setup')).json();
    expect(setup.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect(setup.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(
      (await fresh.request('POST', '/api/auth/totp/confirm', { code: await currentTotp(setup.secret) }))
        .statusCode,
    ).toBe(204);
    const enrolled = (await fresh.request('GET', '/api/auth/me')).json();
    expect(enrolled.user.restriction).toBeNull();
    expect((await fresh.request('GET', '/api/admin/users')).statusCode).toBe(200);
  });

  it('password change enforces the policy and ends other sessions', async () => {
    const a = await t.as('hotich.kinhbac');
    const b = await t.as('hotich.kinhbac');
    const weak = await a.request('POST', '/api/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'aaaaaaaaaa',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toMatch(/Mật khẩu cần/);
    expect(
      (
        await a.request('POST', '/api/auth/password', {
          currentPassword: DEMO_PASSWORD,
          newPassword: 'Doi-mat-khau-2026',
        })
      ).statusCode,
    ).toBe(204);
    clearSessionCache();
    expect((await a.request('GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await b.request('GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('an expired session is refused with 401 and a logged-out one too', async () => {
    const c = await t.as('sotuphap');
    await sql`update platform.sessions set expires_at = now() - interval '1 minute'`.execute(t.kernel.db);
    clearSessionCache();
    const r = await c.request('GET', '/api/auth/me');
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe('UNAUTHENTICATED');
    const d = await t.as('sotuphap');
    expect((await d.request('POST', '/api/auth/logout')).statusCode).toBe(204);
    expect((await d.request('GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('reading the user list is audited as a personal-data read with its purpose', async () => {
    const c = await t.as('quantri.bacninh');
    await c.request('GET', '/api/admin/users', undefined, {
      'x-purpose': encodeURIComponent('Rà soát tài khoản hằng quý'),
    });
    const r = await sql<{ purpose: string; personal_data: boolean }>`
      select purpose, personal_data from platform.audit_log where action = 'users.list' order by seq desc limit 1`.execute(
      t.kernel.db,
    );
    expect(r.rows[0]).toEqual({ purpose: 'Rà soát tài khoản hằng quý', personal_data: true });
  });

  it('every login attempt is in the audit log', async () => {
    const r = await sql<{ action: string; n: number }>`
      select action, count(*)::int as n from platform.audit_log where action like 'auth.%' group by action`.execute(
      t.kernel.db,
    );
    const byAction = Object.fromEntries(r.rows.map((x) => [x.action, x.n]));
    expect(byAction['auth.login']).toBeGreaterThan(3);
    expect(byAction['auth.login_failed']).toBeGreaterThanOrEqual(5);
    expect(byAction['auth.login_refused']).toBeGreaterThanOrEqual(1);
  });
});

describe('agency client credentials', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('issues a short-lived JWT for valid credentials, refuses bad ones, and revocation stops the token', async () => {
    const admin = await t.as('quantri.bacninh');
    const created = await admin.request('POST', '/api/admin/agency-clients', {
      name: 'Bảo hiểm xã hội tỉnh Bắc Ninh',
      unitId: '24',
      scopes: ['person.read'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const { clientId, clientSecret } = created.json();
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/auth/token',
      payload: `grant_type=client_credentials&client_id=${clientId}&client_secret=wrong`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error).toBe('invalid_client');
    const basic = Buffer.from(`${clientId}:${clientSecret}`).toString('base64');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/token',
      payload: 'grant_type=client_credentials',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const token = ok.json();
    expect(token).toMatchObject({ token_type: 'Bearer', expires_in: 300, scope: 'person.read' });
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${token.access_token}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.kind).toBe('agency');
    const forged = `${token.access_token.slice(0, -4)}AAAA`;
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/auth/me',
          headers: { authorization: `Bearer ${forged}` },
        })
      ).statusCode,
    ).toBe(401);
    const tooWide = await t.app.inject({
      method: 'POST',
      url: '/api/auth/token',
      payload: {
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: clientSecret,
        scope: 'person.read judicial.read',
      },
    });
    expect(tooWide.json().error).toBe('invalid_scope');
    expect((await admin.request('POST', `/api/admin/agency-clients/${clientId}/revoke`)).statusCode).toBe(
      204,
    );
    const { clearPrincipalCache } = await import('../../server/platform/identity/principals.js');
    clearPrincipalCache();
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/auth/me',
          headers: { authorization: `Bearer ${token.access_token}` },
        })
      ).statusCode,
    ).toBe(401);
  });
});
