import { pathToFileURL } from 'node:url';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { cpuSampler, loadAverage, printTable, processCpuSeconds, round, targetNote } from './lib/measure.js';
import { backendPids, createFreshDatabase } from './lib/postgres.js';
import { httpRequest, login, type RunningServer, startServer, tempDataDir } from './lib/server.js';

/**
 * Benchmark 2: HTTP overhead of the running server, measured with autocannon from this
 * process against a separate server process on 127.0.0.1 (both share the machine's cores).
 * Once on PostgreSQL (a fresh database) and once on the embedded PGlite.
 */
export interface ApiOptions {
  seconds: number;
  warmupSeconds: number;
  connections: number;
  /** Hard cap on requests per measured run, whatever the duration. */
  maxRequests: number;
  engines: Array<'postgres' | 'pglite'>;
  /** Also load GET /api/admin/users: an audited personal-data read (one audit append per request). */
  auditedRead: boolean;
  /** Write a V8 CPU profile of each server process into this directory. */
  profileDir?: string;
  /** Only these routes (health, me, users); all when empty. */
  routes: string[];
}

export const DEFAULT_API: ApiOptions = {
  seconds: 10,
  warmupSeconds: 2,
  connections: 50,
  maxRequests: 1_000_000,
  engines: ['postgres', 'pglite'],
  auditedRead: true,
  routes: [],
};

interface Target {
  key: 'health' | 'me' | 'users';
  name: string;
  path: string;
  auth: boolean;
  target?: number;
}

const TARGETS: Target[] = [
  { key: 'health', name: 'GET /health', path: '/health', auth: false, target: 10_000 },
  { key: 'me', name: 'GET /api/auth/me (session)', path: '/api/auth/me', auth: true, target: 3_000 },
];
const AUDITED: Target = {
  key: 'users',
  name: 'GET /api/admin/users (audited read)',
  path: '/api/admin/users?limit=20',
  auth: true,
};

export interface ApiRun {
  engine: string;
  target: string;
  reqPerSec: number;
  total: number;
  latencyMs: { p50: number; p97_5: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  serverCores: number;
  loadGenCores: number;
  databaseCores: number;
  machineCores: number;
  loadBefore: string;
  goal?: number;
}

export interface ApiReport {
  options: ApiOptions;
  runs: ApiRun[];
  memory: Array<{ engine: string; rssMiB?: number; peakMiB?: number }>;
  targetMet: boolean;
}

async function load(
  server: RunningServer,
  engine: string,
  t: Target,
  cookie: string,
  opts: ApiOptions,
  pids: () => Promise<number[]>,
): Promise<ApiRun> {
  const url = `${server.baseUrl}${t.path}`;
  const headers: Record<string, string> = t.auth ? { cookie } : {};
  const probe = await httpRequest(url, { headers });
  if (probe.status !== 200)
    throw new Error(`${t.name} answered ${probe.status} before the load: ${probe.body.slice(0, 200)}`);
  await autocannon({
    url,
    headers,
    connections: opts.connections,
    duration: opts.warmupSeconds,
    maxOverallRequests: opts.maxRequests,
  });
  const loadBefore = loadAverage();
  const cpu = cpuSampler();
  const serverCpu0 = processCpuSeconds(server.pid);
  const r = await autocannon({
    url,
    headers,
    connections: opts.connections,
    duration: opts.seconds,
    maxOverallRequests: opts.maxRequests,
  });
  const used = cpu(await pids());
  const serverCores = (processCpuSeconds(server.pid) - serverCpu0) / r.duration;
  return {
    engine,
    target: t.name,
    reqPerSec: Math.round(r.requests.average),
    total: r.requests.total,
    latencyMs: { p50: r.latency.p50, p97_5: r.latency.p97_5, p99: r.latency.p99, max: r.latency.max },
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    serverCores: round(serverCores, 2),
    loadGenCores: used.benchProcessCores,
    databaseCores: engine === 'postgres' ? used.databaseCores : 0,
    machineCores: used.machineCores,
    loadBefore,
    goal: t.target,
  };
}

export async function runApiBench(opts: ApiOptions = DEFAULT_API): Promise<ApiReport> {
  const runs: ApiRun[] = [];
  const memory: ApiReport['memory'] = [];
  for (const engine of opts.engines) {
    const dataDir = tempDataDir(`api-${engine}`);
    const fresh = engine === 'postgres' ? await createFreshDatabase('tuphap_bench_api') : null;
    let server: RunningServer | null = null;
    try {
      const nodeArgs = opts.profileDir
        ? ['--cpu-prof', `--cpu-prof-dir=${path.join(opts.profileDir, engine)}`]
        : [];
      server = await startServer({ dataDir, databaseUrl: fresh?.url, nodeArgs });
      const cookie = await login(server.baseUrl, 'sotuphap');
      const targets = (opts.auditedRead ? [...TARGETS, AUDITED] : TARGETS).filter(
        (t) => !opts.routes.length || opts.routes.includes(t.key),
      );
      for (const t of targets) {
        const pids = async () => (fresh ? backendPids(fresh.url, fresh.name) : []);
        const run = await load(server, engine, t, cookie, opts, pids);
        runs.push(run);
        console.log(
          `  ${engine} ${t.name}: ${run.reqPerSec} req/s, p99 ${run.latencyMs.p99} ms, non-2xx ${run.non2xx}, errors ${run.errors}`,
        );
      }
      const mem = server.memory();
      memory.push({ engine, rssMiB: mem?.rssMiB, peakMiB: mem?.peakMiB });
    } finally {
      await server?.stop();
      await fresh?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const targetMet = runs
    .filter((r) => r.goal)
    .every((r) => r.reqPerSec >= r.goal! && r.errors === 0 && r.non2xx === 0);
  return { options: opts, runs, memory, targetMet };
}

export function printApi(r: ApiReport) {
  printTable(
    `API overhead: autocannon, ${r.options.connections} connections, ${r.options.seconds} s after ${r.options.warmupSeconds} s warm-up; load generator on the same cores`,
    r.runs.map((x) => ({
      engine: x.engine,
      route: x.target,
      'req/s': x.reqPerSec,
      requests: x.total,
      'p50 ms': x.latencyMs.p50,
      'p97.5 ms': x.latencyMs.p97_5,
      'p99 ms': x.latencyMs.p99,
      errors: x.errors,
      'non-2xx': x.non2xx,
      'server cores': x.serverCores,
      'server µs CPU/req': Math.round((x.serverCores * 1e6) / x.reqPerSec),
      'postgres cores': x.engine === 'postgres' ? x.databaseCores : '(in server)',
      'autocannon cores': x.loadGenCores,
      'machine cores': x.machineCores,
      'load before': x.loadBefore,
      target: x.goal ? `${x.goal}: ${x.reqPerSec >= x.goal ? 'met' : 'not met'}` : '',
    })),
  );
  for (const m of r.memory)
    console.log(`  ${m.engine}: server RSS after the runs ${m.rssMiB} MiB (peak ${m.peakMiB} MiB)`);
  console.log(
    `  ${targetNote(r.targetMet, '/health >= 10,000 req/s and /api/auth/me >= 3,000 req/s on both engines')}`,
  );
}

export function apiOptionsFromArgs(args: string[]): ApiOptions {
  const num = (flag: string, fallback: number) => {
    const hit = args.find((a) => a.startsWith(`--${flag}=`));
    return hit ? Number(hit.split('=')[1]) : fallback;
  };
  const engine = args.find((a) => a.startsWith('--engine='))?.split('=')[1];
  return {
    seconds: num('seconds', DEFAULT_API.seconds),
    warmupSeconds: num('warmup', DEFAULT_API.warmupSeconds),
    connections: num('connections', DEFAULT_API.connections),
    maxRequests: num('max-requests', DEFAULT_API.maxRequests),
    engines: engine === 'postgres' || engine === 'pglite' ? [engine] : DEFAULT_API.engines,
    auditedRead: !args.includes('--no-audited-read'),
    profileDir: args.find((a) => a.startsWith('--profile='))?.split('=')[1],
    routes:
      args
        .find((a) => a.startsWith('--routes='))
        ?.split('=')[1]
        .split(',') ?? [],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printApi(await runApiBench(apiOptionsFromArgs(process.argv.slice(2))));
}
