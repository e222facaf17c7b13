import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../server/platform/db/database.js';
import { createTestApp, type TestApp, type TestClient } from '../helpers/app.js';

/** Bad input gets a clear 4xx in Vietnamese or English, never a 500, and stored data stays as it was. */
describe('bad input', () => {
  let t: TestApp;
  let admin: TestClient;
  const snapshot = async () =>
    (
      await sql<{ users: number; grants: number }>`
      select (select count(*)::int from platform.users) as users, (select count(*)::int from platform.role_assignments) as grants`.execute(
        t.kernel.db,
      )
    ).rows[0];

  beforeAll(async () => {
    t = await createTestApp({ BODY_LIMIT_BYTES: '4096' });
    admin = await t.as('quantri.bacninh');
  });
  afterAll(() => t.close());

  const cases: Array<[string, () => Promise<{ statusCode: number; json: () => any }>, number, string]> = [
    [
      'malformed JSON',
      () =>
        admin.request('POST', '/api/admin/users', '{"username": "a",', {
          'content-type': 'application/json',
        }),
      400,
      'BAD_REQUEST',
    ],
    [
      'wrong types',
      () =>
        admin.request('POST', '/api/admin/users', {
          username: 42,
          displayName: [],
          password: true,
          role: 'x',
          unitId: 7,
        }),
      400,
      'VALIDATION',
    ],
    [
      'unknown fields',
      () =>
        admin.request('POST', '/api/admin/users', {
          username: 'abc.def',
          displayName: 'Tên hợp lệ',
          password: 'Mat-khau-2026!',
          role: 'leader',
          unitId: '24',
          isRoot: true,
        }),
      400,
      'VALIDATION',
    ],
    [
      'oversize body',
      () => admin.request('POST', '/api/admin/users', { username: 'x'.repeat(10_000) }),
      413,
      'PAYLOAD_TOO_LARGE',
    ],
    [
      'SQL metacharacters in a search',
      () =>
        admin.request('GET', `/api/admin/users?q=${encodeURIComponent("'; drop table platform.users; --")}`),
      200,
      '',
    ],
    [
      'SQL metacharacters in a username',
      () =>
        admin.request('POST', '/api/admin/users', {
          username: "x'); drop table platform.users;--",
          displayName: 'Tên',
          password: 'Mat-khau-2026!',
          role: 'leader',
          unitId: '24',
        }),
      400,
      'VALIDATION',
    ],
    [
      'invalid unit code',
      () =>
        admin.request('POST', '/api/admin/users', {
          username: 'abc.def',
          displayName: 'Tên hợp lệ',
          password: 'Mat-khau-2026!',
          role: 'leader',
          unitId: '9x9',
        }),
      400,
      'VALIDATION',
    ],
    [
      'unknown unit code',
      () =>
        admin.request('POST', '/api/admin/users', {
          username: 'abc.def',
          displayName: 'Tên hợp lệ',
          password: 'Mat-khau-2026!',
          role: 'leader',
          unitId: '99999',
        }),
      400,
      'VALIDATION',
    ],
    [
      'not a uuid',
      () => admin.request('PATCH', '/api/admin/users/not-a-uuid', { active: false }),
      400,
      'VALIDATION',
    ],
    [
      'wrong content type',
      () => admin.request('POST', '/api/admin/users', 'username=x', { 'content-type': 'text/plain' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    ['unknown route', () => admin.request('GET', '/api/khong-co'), 404, 'NOT_FOUND'],
    ['unknown unit', () => t.anonymous.request('GET', '/api/units/00000'), 404, 'NOT_FOUND'],
    ['bad calendar year', () => t.anonymous.request('GET', '/api/calendar/years/1800'), 400, 'VALIDATION'],
    [
      'bad verification code',
      () => t.anonymous.request('GET', '/api/verify/%27%20or%201=1'),
      404,
      'NOT_FOUND',
    ],
    [
      'expired or garbage session cookie',
      () =>
        t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: 'tuphap_session=garbage' } }),
      401,
      'UNAUTHENTICATED',
    ],
    [
      'garbage bearer token',
      () =>
        t.app.inject({
          method: 'GET',
          url: '/api/auth/me',
          headers: { authorization: 'Bearer abc.def.ghi' },
        }),
      401,
      'UNAUTHENTICATED',
    ],
  ];

  it.each(cases)('%s → clear 4xx, nothing stored changes', async (_name, send, status, code) => {
    const before = await snapshot();
    const r = await send();
    expect(r.statusCode).toBe(status);
    if (code) {
      const body = r.json();
      expect(body.error.code).toBe(code);
      expect(body.error.message.length).toBeGreaterThan(5);
      expect(typeof body.requestId).toBe('string');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('a bad token on a public route is ignored: the caller is simply anonymous', async () => {
    const r = await t.app.inject({
      method: 'GET',
      url: '/api/units/24',
      headers: { authorization: 'Bearer abc.def.ghi' },
    });
    expect(r.statusCode).toBe(200);
  });

  it('validation messages come in English when asked', async () => {
    const r = await admin.request('POST', '/api/admin/users', { username: 1 }, { 'accept-language': 'en' });
    expect(r.json().error.message).toMatch(/^Invalid input/);
    const vi = await admin.request('POST', '/api/admin/users', { username: 1 });
    expect(vi.json().error.message).toMatch(/^Dữ liệu không hợp lệ/);
  });

  it('sends security headers and a strict CSP', async () => {
    const r = await t.anonymous.request('GET', '/health');
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-request-id']).toBeTruthy();
  });

  it('echoes a well-formed request id and replaces a malformed one', async () => {
    const good = await t.app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'trace-1234abcd' },
    });
    expect(good.headers['x-request-id']).toBe('trace-1234abcd');
    const bad = await t.app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': '<script>' },
    });
    expect(bad.headers['x-request-id']).not.toBe('<script>');
  });
});

describe('rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(() => t.close());

  it('answers 429 RATE_LIMITED past the limit, but never limits /health', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) codes.push((await t.anonymous.request('GET', '/api/units/24')).statusCode);
    expect(codes.slice(0, 5).every((c) => c === 200)).toBe(true);
    const last = await t.anonymous.request('GET', '/api/units/24');
    expect(last.statusCode).toBe(429);
    expect(last.json().error.code).toBe('RATE_LIMITED');
    for (let i = 0; i < 10; i++) expect((await t.anonymous.request('GET', '/health')).statusCode).toBe(200);
  });
});
