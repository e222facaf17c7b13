import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** `tuphap start` as a process: ready, serves, shuts down gracefully on SIGTERM, keeps its data. */
const root = path.resolve(__dirname, '..', '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuphap-life-'));

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });

async function startServer(port: number) {
  const child = spawn(process.execPath, [path.join(root, 'bin', 'tuphap.mjs'), 'start', '--no-web-build'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const until = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}: ${out}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/ready`)).ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > until) throw new Error(`not ready: ${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, output: () => out };
}

const login = (port: number, username: string, password: string) =>
  fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });

describe('server lifecycle', () => {
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('prints the URL and demo accounts, exits 0 on SIGTERM, and keeps data across a restart', async () => {
    const port = await freePort();
    const first = await startServer(port);
    expect(first.output()).toMatch(/http:\/\/localhost:\d+/);
    expect(first.output()).toContain('hotich.kinhbac');
    expect((await login(port, 'sotuphap', 'TuPhap@2026')).status).toBe(200);
    const exited = new Promise<number | null>((r) => first.child.once('exit', (code) => r(code)));
    first.child.kill('SIGTERM');
    expect(await exited).toBe(0);

    const second = await startServer(port);
    try {
      // The demo seed does not run twice; the accounts and the audit of the first login are still there.
      const r = await login(port, 'sotuphap', 'TuPhap@2026');
      expect(r.status).toBe(200);
      const cookie = r.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const me = await fetch(`http://127.0.0.1:${port}/api/auth/me`, { headers: { cookie } });
      expect((await me.json()).user.username).toBe('sotuphap');
    } finally {
      const done = new Promise((r) => second.child.once('exit', r));
      second.child.kill('SIGTERM');
      await done;
    }
  });
});
