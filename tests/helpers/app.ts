import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../server/app.js';
import { registerModules } from '../../server/modules/registry.js';
import { sql } from '../../server/platform/db/database.js';
import { loadEnv } from '../../server/platform/env.js';
import { clearPrincipalCache } from '../../server/platform/identity/principals.js';
import { clearSessionCache } from '../../server/platform/identity/sessions.js';
import { currentTotp } from '../../server/platform/identity/totp.js';
import { createKernel, type Kernel } from '../../server/platform/kernel.js';
import { DEMO_PASSWORD, seedDemo } from '../../server/platform/seed/demo-seed.js';
import { createTestDatabase } from './db.js';

/**
 * A whole application on a fresh test database with the demo seed, driven through
 * Fastify's inject (no sockets). `as(username)` signs a demo account in and returns a
 * client that carries its cookies and CSRF token.
 */
export interface TestClient {
  csrf: string;
  cookie: string;
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: FastifyInstance;
  kernel: Kernel;
  routes: Awaited<ReturnType<typeof buildApp>>['routes'];
  dataDir: string;
  as(username: string, password?: string): Promise<TestClient>;
  anonymous: TestClient;
  close(): Promise<void>;
}

const silentLog = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };

export async function createTestApp(envOverrides: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuphap-test-'));
  const env = loadEnv({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '100000',
    JOBS_ENABLED: 'false',
    PUBLIC_URL: 'http://tuphap.test',
    ...envOverrides,
  });
  await seedDemo(database.db, dataDir);
  const kernel = await createKernel(env, database, silentLog);
  await registerModules(kernel);
  const { app, routes } = await buildApp(kernel, { logger: false });
  await app.ready();

  const client = (cookie = '', csrf = ''): TestClient => ({
    cookie,
    csrf,
    request(method, url, body, headers = {}) {
      return app.inject({
        method: method as 'GET',
        url,
        payload: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
        headers: {
          ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}),
          ...(cookie ? { cookie } : {}),
          ...(csrf ? { 'x-csrf-token': csrf } : {}),
          ...headers,
        },
      });
    },
  });

  const as = async (username: string, password = DEMO_PASSWORD) => {
    const r = await sql<{
      totp_secret: string | null;
      totp_enabled: boolean;
    }>`select totp_secret, totp_enabled from platform.users where username = ${username}`.execute(
      database.db,
    );
    const totp = r.rows[0]?.totp_enabled ? await currentTotp(r.rows[0].totp_secret!) : undefined;
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password, ...(totp ? { totp } : {}) },
    });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookies = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    return client(cookies, res.json().csrfToken);
  };

  return {
    app,
    kernel,
    routes,
    dataDir,
    as,
    anonymous: client(),
    async close() {
      await app.close();
      await database.close();
      clearSessionCache();
      clearPrincipalCache();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
