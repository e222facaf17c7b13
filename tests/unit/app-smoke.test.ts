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

  it('a demo officer logs in and sees their roles', async () => {
    const c = await t.as('hotich.kinhbac');
    const me = await c.request('GET', '/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.roles).toEqual([
      { role: 'civil_status_officer', unitId: '09187', unitName: 'Phường Kinh Bắc' },
    ]);
  });
});
