import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgencyClient } from '../../server/platform/identity/agency-clients.js';
import { issueDocument } from '../../server/platform/documents/index.js';
import { insertGrant, insertUser } from '../../server/platform/identity/users-repo.js';
import { createTestApp, type TestApp, type TestClient } from '../helpers/app.js';

/**
 * Every route declares its access, and every route that acts on a unit refuses a user
 * whose role lies in another unit (403). The table below must name every protected route:
 * adding a route without adding its case here fails the suite.
 */
describe('authorization on every route', () => {
  let t: TestApp;
  let provinceAdmin: TestClient; // system_admin of Bắc Ninh (24)
  let dojBacNinh: TestClient; // DoJ officer of Bắc Ninh
  let leaderBacNinh: TestClient;
  let officerTienDu: TestClient; // civil-status officer of Xã Tiên Du (09319)
  let hanoiUserId = '';
  let hanoiClientId = '';
  let hanoiDocCode = '';
  let kinhBacDocCode = '';

  beforeAll(async () => {
    t = await createTestApp();
    provinceAdmin = await t.as('quantri.bacninh');
    dojBacNinh = await t.as('sotuphap');
    leaderBacNinh = await t.as('lanhdao');
    officerTienDu = await t.as('hotich.tiendu');
    const db = t.kernel.db;
    const u = await insertUser(db, { kind: 'staff', username: 'canbo.hanoi', displayName: 'Cán bộ Hà Nội' });
    await insertGrant(db, u.id, 'civil_status_officer', '01');
    hanoiUserId = u.id;
    hanoiClientId = (
      await createAgencyClient(db, { name: 'Công an TP Hà Nội', unitId: '01', scopes: ['person.read'] })
    ).clientId;
    const spec = (issuer: string) => ({
      docType: 'test.certificate',
      issuerUnitId: issuer,
      issuedBy: 'test',
      document: {
        issuer: { parent: 'ỦY BAN NHÂN DÂN', name: 'KIỂM THỬ' },
        title: 'Giấy xác nhận kiểm thử',
        blocks: [{ kind: 'field' as const, label: 'Nội dung', value: 'Kiểm thử phân quyền' }],
        placeDate: { place: 'Bắc Ninh', date: '2026-11-23' },
        signature: { post: 'NGƯỜI KÝ', name: 'Nguyễn Văn Ký' },
      },
    });
    hanoiDocCode = (await db.transaction().execute((tx) => issueDocument(tx, t.kernel.signer, spec('01'))))
      .code;
    kinhBacDocCode = (
      await db.transaction().execute((tx) => issueDocument(tx, t.kernel.signer, spec('09187')))
    ).code;
  }, 120_000);
  afterAll(() => t.close());

  it('every registered route declares public, authenticated or a permission', () => {
    const undeclared = t.routes.filter((r) => !r.auth).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
  });

  type Case = { method: string; url: string; body?: unknown; who: () => TestClient; why: string };
  const cases = (): Record<string, Case> => ({
    'GET /api/admin/users': {
      method: 'GET',
      url: '/api/admin/users?unitId=01',
      who: () => provinceAdmin,
      why: 'province admin lists users of another province',
    },
    'POST /api/admin/users': {
      method: 'POST',
      url: '/api/admin/users',
      body: {
        username: 'x.hanoi',
        displayName: 'Người Hà Nội',
        password: 'Mat-khau-2026!',
        role: 'civil_status_officer',
        unitId: '01',
      },
      who: () => provinceAdmin,
      why: 'province admin creates a user in Hà Nội',
    },
    'PATCH /api/admin/users/:id': {
      method: 'PATCH',
      url: `/api/admin/users/${hanoiUserId}`,
      body: { active: false },
      who: () => provinceAdmin,
      why: 'deactivates a Hà Nội officer',
    },
    'POST /api/admin/users/:id/roles': {
      method: 'POST',
      url: `/api/admin/users/${hanoiUserId}/roles`,
      body: { role: 'leader', unitId: '01' },
      who: () => provinceAdmin,
      why: 'grants a role in Hà Nội',
    },
    'DELETE /api/admin/users/:id/roles/:role/:unitId': {
      method: 'DELETE',
      url: `/api/admin/users/${hanoiUserId}/roles/civil_status_officer/01`,
      who: () => provinceAdmin,
      why: 'revokes a Hà Nội role',
    },
    'POST /api/admin/agency-clients': {
      method: 'POST',
      url: '/api/admin/agency-clients',
      body: { name: 'Tòa án Hà Nội', unitId: '01' },
      who: () => provinceAdmin,
      why: 'registers a client for Hà Nội',
    },
    'POST /api/admin/agency-clients/:clientId/rotate': {
      method: 'POST',
      url: `/api/admin/agency-clients/${hanoiClientId}/rotate`,
      who: () => provinceAdmin,
      why: 'rotates a Hà Nội client secret',
    },
    'POST /api/admin/agency-clients/:clientId/revoke': {
      method: 'POST',
      url: `/api/admin/agency-clients/${hanoiClientId}/revoke`,
      who: () => provinceAdmin,
      why: 'revokes a Hà Nội client',
    },
    'POST /api/calendar/overrides': {
      method: 'POST',
      url: '/api/calendar/overrides',
      body: { date: '2027-05-03', kind: 'day_off', name: 'Nghỉ thử', basis: 'Thử' },
      who: () => provinceAdmin,
      why: 'a province changes the national calendar',
    },
    'DELETE /api/calendar/overrides/:date': {
      method: 'DELETE',
      url: '/api/calendar/overrides/2026-01-02',
      who: () => provinceAdmin,
      why: 'a province removes a national day off',
    },
    'GET /api/audit': {
      method: 'GET',
      url: '/api/audit?unitId=01',
      who: () => leaderBacNinh,
      why: 'a Bắc Ninh leader reads Hà Nội audit entries',
    },
    'POST /api/audit/verify': {
      method: 'POST',
      url: '/api/audit/verify',
      who: () => provinceAdmin,
      why: 'a province verifies the national chain',
    },
    'POST /api/documents/:code/revoke': {
      method: 'POST',
      url: `/api/documents/${hanoiDocCode}/revoke`,
      body: { reason: 'Cấp nhầm người' },
      who: () => dojBacNinh,
      why: 'Bắc Ninh revokes a Hà Nội document',
    },
  });

  it('the table covers every route that needs a permission', () => {
    const protectedRoutes = t.routes
      .filter((r) => r.auth && typeof r.auth === 'object')
      .map((r) => `${r.method} ${r.url}`);
    expect(Object.keys(cases()).sort()).toEqual([...new Set(protectedRoutes)].sort());
  });

  it.each(Object.keys(cases()))('%s: a user of another unit gets 403', async (name) => {
    const c = cases()[name];
    const r = await c.who().request(c.method, c.url, c.body);
    expect(r.statusCode, `${c.why}: ${r.body}`).toBe(403);
    expect(['OUT_OF_JURISDICTION', 'FORBIDDEN']).toContain(r.json().error.code);
  });

  it.each(Object.keys(cases()))('%s: anonymous gets 401', async (name) => {
    const c = cases()[name];
    const r = await t.anonymous.request(c.method, c.url, c.body);
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('a commune officer without the permission gets 403 FORBIDDEN', async () => {
    const r = await officerTienDu.request('POST', `/api/documents/${kinhBacDocCode}/revoke`, {
      reason: 'Thử thu hồi',
    });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('FORBIDDEN');
  });

  it("the same actions inside the actor's own unit succeed", async () => {
    const created = await provinceAdmin.request('POST', '/api/admin/users', {
      username: 'hotich.vocuong',
      displayName: 'Cán bộ Võ Cường',
      password: 'Mat-khau-2026!',
      role: 'civil_status_officer',
      unitId: '09190',
    });
    expect(created.statusCode, created.body).toBe(201);
    const list = await provinceAdmin.request('GET', '/api/admin/users?limit=200');
    const names = list.json().items.map((u: { username: string }) => u.username);
    expect(names).toContain('hotich.vocuong');
    expect(names).not.toContain('canbo.hanoi');
    const revoked = await dojBacNinh.request('POST', `/api/documents/${kinhBacDocCode}/revoke`, {
      reason: 'Cấp nhầm người',
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
  });

  it('cookie-authenticated writes need the CSRF token', async () => {
    const noCsrf = { ...provinceAdmin, csrf: '' };
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: { cookie: noCsrf.cookie, 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('CSRF');
  });
});
