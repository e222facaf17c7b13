import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD } from '../../server/platform/seed/demo-seed.js';
import { processCpuSeconds, processMemory } from './measure.js';

/**
 * The server as an operator runs it: `node bin/tuphap.mjs start --no-web-build` in its own
 * process, bound to 127.0.0.1 on a free port, with a temporary data directory.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(ROOT, 'bin', 'tuphap.mjs');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export const tempDataDir = (label: string) =>
  fs.mkdtempSync(path.join(os.tmpdir(), `tuphap-bench-${label}-`));

export interface ServerOptions {
  dataDir: string;
  databaseUrl?: string;
  port?: number;
  /** Extra environment (overrides the benchmark defaults). */
  env?: Record<string, string>;
  /** Extra node flags, e.g. ['--cpu-prof', '--cpu-prof-dir=DIR'] (the profile is written when the server exits). */
  nodeArgs?: string[];
}

export interface RunningServer {
  pid: number;
  baseUrl: string;
  /** Milliseconds from spawn to the first 200 from /ready. */
  readyMs: number;
  /** CPU seconds (user + system, all threads) the server process had used when it was ready. */
  cpuSecondsAtReady: number;
  memory(): ReturnType<typeof processMemory>;
  stop(): Promise<void>;
}

export interface HttpResult {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export function httpRequest(
  url: string,
  opts: { method?: string; body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const req = http.request(
      url,
      {
        method: opts.method ?? 'GET',
        headers: {
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
          ...opts.headers,
        },
        timeout: opts.timeoutMs ?? 2000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startServer(opts: ServerOptions, readyTimeoutMs = 120_000): Promise<RunningServer> {
  const port = opts.port ?? (await freePort());
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? os.tmpdir(),
    ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: opts.dataDir,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '100000000',
    JOBS_ENABLED: 'false',
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
    ...opts.env,
  };
  const started = performance.now();
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), CLI, 'start', '--no-web-build'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  const keep = (c: Buffer) => {
    stderr = (stderr + c.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const done = exited(child);
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await done;
    clearTimeout(timer);
  };
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`server exited with code ${child.exitCode} before ready:\n${stderr}`);
    if (performance.now() - started > readyTimeoutMs) {
      await stop();
      throw new Error(`server not ready within ${readyTimeoutMs} ms:\n${stderr}`);
    }
    const ok = await httpRequest(`${baseUrl}/ready`, { timeoutMs: 1000 }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const readyMs = performance.now() - started;
  const cpuSecondsAtReady = processCpuSeconds(child.pid!);
  return {
    pid: child.pid!,
    baseUrl,
    readyMs,
    cpuSecondsAtReady,
    memory: () => processMemory(child.pid!),
    stop,
  };
}

/** Signs a demo account in and returns its session cookie header. */
export async function login(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<string> {
  const r = await httpRequest(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    body: { username, password },
    timeoutMs: 10_000,
  });
  if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status} ${r.body}`);
  const setCookie = r.headers['set-cookie'] ?? [];
  return setCookie.map((c) => c.split(';')[0]).join('; ');
}
