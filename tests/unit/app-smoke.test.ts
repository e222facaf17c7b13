import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

describe('application smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('GET /health answers {"status":"ok"}', async () => {
    const r = await t.anonymous.request('GET', '/health');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ status: 'ok' });
  });

  it('lists the roles with their permissions for a signed-in user', async () => {
    const c = await t.as('sotuphap');
    const r = await c.request('GET', '/api/admin/roles');
    expect(r.statusCode).toBe(200);
    const admin = r.json().items.find((x: { role: string }) => x.role === 'system_admin');
    expect(admin).toMatchObject({ privileged: true, label: { vi: 'Quản trị hệ thống' } });
    expect(admin.permissions).toContain('users.manage');
    expect((await t.anonymous.request('GET', '/api/admin/roles')).statusCode).toBe(401);
  });

  it('serves the OpenAPI document with the kernel routes', async () => {
    const r = await t.anonymous.request('GET', '/api/docs/json');
    expect(r.statusCode).toBe(200);
    const doc = r.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/admin/users',
        '/api/verify/{code}',
        '/api/calendar/years/{year}',
      ]),
    );
  });

  it('exposes Prometheus metrics and readiness', async () => {
    expect((await t.anonymous.request('GET', '/ready')).json()).toMatchObject({ status: 'ready' });
    const m = await t.anonymous.request('GET', '/metrics');
    expect(m.body).toContain('tuphap_http_request_duration_seconds');
    expect(m.body).toContain('tuphap_jobs');
  });

  it('a demo officer logs in and sees their roles', async () => {
    const c = await t.as('hotich.kinhbac');
    const me = await c.request('GET', '/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.roles).toEqual([
      { role: 'civil_status_officer', unitId: '09187', unitName: 'Phường Kinh Bắc' },
    ]);
  });
});
