import { pathToFileURL } from 'node:url';
import { type AuditEntry, appendAudit, verifyAuditChain } from '../server/platform/audit/index.js';
import { type Database, type DbOrTx, openDatabase, sql } from '../server/platform/db/database.js';
import { migrate } from '../server/platform/db/migrations.js';
import { allMigrationSets } from '../server/platform/db/registry.js';
import { enqueueJob } from '../server/platform/jobs/index.js';
import { nextRegisterNumber, type RegisterKey } from '../server/platform/numbering/index.js';
import { cpuSampler, loadAverage, printTable, round, summarise, targetNote } from './lib/measure.js';
import { backendPids, createFreshDatabase, durabilitySettings } from './lib/postgres.js';
import { appendAuditOneStatement, insertNumberedEntry } from './lib/proposal.js';

/**
 * Benchmark 1: the registration transaction on real PostgreSQL.
 * One registration = one transaction: nextRegisterNumber + insert of an entry row
 * (bench.entries, a bench-only table) + appendAudit + enqueueJob, as a module would do it.
 * Afterwards every key must hold exactly 1..N and the audit chain must verify.
 */
/** Kernel calls; 'numbered' and 'audit1' are the one-statement prototypes of bench/lib/proposal.ts. */
export type Step = 'number' | 'insert' | 'audit' | 'job' | 'numbered' | 'audit1';

export interface PhaseSpec {
  name: string;
  keys: RegisterKey[];
  steps: Step[];
  total: number;
  /** Run the steps as autocommit statements, without a surrounding transaction. */
  autocommit?: boolean;
}

export interface RegistrationOptions {
  total: number;
  concurrency: number;
  /** Upper bound per phase, whatever the count. */
  maxSeconds: number;
  /** Also run the smaller diagnostic phases that time the parts. */
  diagnose: boolean;
}

export const DEFAULT_REGISTRATION: RegistrationOptions = {
  total: 5000,
  concurrency: 32,
  maxSeconds: 120,
  diagnose: true,
};

// The kernel's pattern (auditedTransaction): the audit entry is appended last, just before commit.
export const FULL: Step[] = ['number', 'insert', 'job', 'audit'];
export const BOOKS = ['KS', 'KT', 'KH', 'CMC'];
export const UNITS = ['09187', '09319'];

export function phases(opts: RegistrationOptions): PhaseSpec[] {
  const spread = (year: number) =>
    BOOKS.flatMap((bookType) => UNITS.map((unitId) => ({ bookType, unitId, year })));
  const list: PhaseSpec[] = [
    { name: 'spread: 8 keys', keys: spread(2026), steps: FULL, total: opts.total },
    {
      name: 'hot: 1 key',
      keys: [{ bookType: 'KS', unitId: '09187', year: 2027 }],
      steps: FULL,
      total: opts.total,
    },
  ];
  if (opts.diagnose) {
    const n = Math.min(opts.total, 2000);
    const hot = (year: number) => [{ bookType: 'KS', unitId: '09187', year }];
    const diag = (name: string, keys: RegisterKey[], steps: Step[], autocommit = false): PhaseSpec => ({
      name,
      keys,
      steps,
      total: n,
      autocommit,
    });
    list.push(
      diag('diag: 8 keys, no audit', spread(2028), ['number', 'insert', 'job']),
      diag('diag: 1 key, no audit', hot(2029), ['number', 'insert', 'job']),
      diag('diag: audit append only', [], ['audit']),
      diag('diag: 8 keys, audit before job (earlier order)', spread(2030), [
        'number',
        'insert',
        'audit',
        'job',
      ]),
      diag('what-if: audit append, 1 statement', [], ['audit1'], true),
      diag('what-if: 8 keys, locks late', spread(2031), ['job', 'numbered', 'audit1']),
      diag('what-if: 1 key, locks late', hot(2032), ['job', 'numbered', 'audit1']),
    );
  }
  return list;
}

interface Timings {
  total: number[];
  begin: number[];
  commit: number[];
  steps: Record<Step, number[]>;
}

const BENCH_SCHEMA = `
  create schema if not exists bench;
  create table bench.entries (
    id bigserial primary key,
    book_type text not null,
    unit_id text not null,
    year integer not null,
    number integer,
    subject jsonb not null,
    registered_at timestamptz not null default now()
  );
  create index entries_key_idx on bench.entries (book_type, unit_id, year, number);`;

async function registerOnce(tx: DbOrTx, spec: PhaseSpec, i: number, lap: (step: Step) => void) {
  const key = spec.keys.length ? spec.keys[i % spec.keys.length] : null;
  let number: number | null = null;
  let entryId: string | null = null;
  const subject = {
    fullName: `Nguyễn Văn Thử ${i}`,
    birthDate: '2026-01-15',
    sex: i % 2 ? 'M' : 'F',
    placeOfBirth: 'Bắc Ninh',
  };
  const audit = (): AuditEntry => ({
    actorId: 'bench-officer',
    actorKind: 'staff',
    unitId: key?.unitId ?? '09187',
    action: 'civil_status.register',
    objectType: 'bench_entry',
    objectId: entryId ?? `audit-only-${i}`,
    personalData: true,
    details: key ? { book: key.bookType, year: key.year, number } : { i },
  });
  for (const step of spec.steps) {
    if (step === 'numbered') {
      const r = await insertNumberedEntry(tx, key!, subject);
      entryId = r.id;
      number = r.number;
    } else if (step === 'audit1') {
      await appendAuditOneStatement(tx, audit());
    } else if (step === 'number') {
      number = await nextRegisterNumber(tx, key!);
    } else if (step === 'insert') {
      const r = await sql<{ id: string }>`
        insert into bench.entries (book_type, unit_id, year, number, subject)
        values (${key!.bookType}, ${key!.unitId}, ${key!.year}, ${number}, ${JSON.stringify(subject)})
        returning id`.execute(tx);
      entryId = r.rows[0].id;
    } else if (step === 'audit') {
      await appendAudit(tx, audit());
    } else {
      await enqueueJob(
        tx,
        'bench.registered',
        { entryId, number, ref: i },
        { idempotencyKey: `bench-entry:${spec.name}:${i}` },
      );
    }
    lap(step);
  }
}

export interface PhaseResult {
  phase: string;
  steps: string;
  keys: number;
  done: number;
  errors: number;
  firstError?: string;
  seconds: number;
  perSecond: number;
  latencyMs: ReturnType<typeof summarise>;
  meanStepMs: Record<string, number>;
  cpu: ReturnType<ReturnType<typeof cpuSampler>>;
  loadBefore: string;
  verify?: { keysOk: boolean; detail: string };
}

export async function runPhase(
  database: Database,
  spec: PhaseSpec,
  opts: RegistrationOptions,
  pids: () => Promise<number[]>,
): Promise<PhaseResult> {
  const t: Timings = {
    total: [],
    begin: [],
    commit: [],
    steps: { number: [], insert: [], audit: [], job: [], numbered: [], audit1: [] },
  };
  let next = 0;
  let errors = 0;
  let firstError: string | undefined;
  const loadBefore = loadAverage();
  const sample = cpuSampler();
  const started = performance.now();
  const deadline = started + opts.maxSeconds * 1000;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= spec.total || performance.now() > deadline) return;
      const t0 = performance.now();
      let mark = t0;
      let began = 0;
      const laps: Array<[Step, number]> = [];
      try {
        const body = async (tx: DbOrTx) => {
          began = performance.now();
          mark = began;
          await registerOnce(tx, spec, i, (step) => {
            const now = performance.now();
            laps.push([step, now - mark]);
            mark = now;
          });
        };
        if (spec.autocommit) await body(database.db);
        else await database.db.transaction().execute(body);
        const end = performance.now();
        t.total.push(end - t0);
        t.begin.push(began - t0);
        t.commit.push(end - mark);
        for (const [step, ms] of laps) t.steps[step].push(ms);
      } catch (e) {
        errors++;
        firstError ??= (e as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const cpu = sample(await pids());
  const mean = (xs: number[]) =>
    xs.length ? round(xs.reduce((a, b) => a + b, 0) / xs.length, 2) : undefined;
  const meanStepMs: Record<string, number> = { begin: mean(t.begin)! };
  for (const s of spec.steps) meanStepMs[s] = mean(t.steps[s])!;
  meanStepMs.commit = mean(t.commit)!;
  return {
    phase: spec.name,
    steps: spec.steps.join(' > '),
    keys: spec.keys.length,
    done: t.total.length,
    errors,
    firstError,
    seconds: round(seconds, 2),
    perSecond: round(t.total.length / seconds, 0),
    latencyMs: summarise(t.total),
    meanStepMs,
    cpu,
    loadBefore,
  };
}

/** Every key of the phase holds exactly 1..N, N = its counter, and the counts add up. */
export async function verifyKeys(database: Database, spec: PhaseSpec, done: number) {
  if (!spec.keys.length) return { keysOk: true, detail: 'no numbering in this phase' };
  const years = [...new Set(spec.keys.map((k) => k.year))];
  const r = await sql<{
    book_type: string;
    unit_id: string;
    year: number;
    n: number;
    d: number;
    lo: number;
    hi: number;
    last: number;
  }>`
    select e.book_type, e.unit_id, e.year, count(*)::int as n, count(distinct e.number)::int as d,
           min(e.number) as lo, max(e.number) as hi, max(c.last_number) as last
    from bench.entries e
    join platform.register_counters c on (c.book_type, c.unit_id, c.year) = (e.book_type, e.unit_id, e.year)
    where e.year in (${sql.join(years)})
    group by e.book_type, e.unit_id, e.year`.execute(database.db);
  const bad = r.rows.filter((k) => !(k.lo === 1 && k.n === k.d && k.hi === k.n && k.last === k.n));
  const sum = r.rows.reduce((a, k) => a + k.n, 0);
  const ok = bad.length === 0 && sum === done && r.rows.length === spec.keys.length;
  const perKey = r.rows.map((k) => k.n).join('/');
  const detail = ok
    ? `${r.rows.length} keys, each exactly 1..N (N = ${perKey}), no gap, no duplicate`
    : `MISMATCH: ${bad.map((k) => `${k.book_type}/${k.unit_id}/${k.year}: n=${k.n} distinct=${k.d} min=${k.lo} max=${k.hi} counter=${k.last}`).join('; ')} rows=${sum} committed=${done}`;
  return { keysOk: ok, detail };
}

export interface RegistrationReport {
  database: { url: string; serverVersion: string; settings: Record<string, string> };
  options: RegistrationOptions;
  phases: PhaseResult[];
  audit: { ok: boolean; checked: number; expected: number; verifySeconds: number; firstBad?: unknown };
  jobs: { rows: number; expected: number };
  targetMet: boolean;
}

/** A fresh PostgreSQL database with the kernel's migrations and the bench-only entries table. */
export async function openBenchDatabase(poolSize: number) {
  const fresh = await createFreshDatabase('tuphap_bench');
  const database = await openDatabase({ databaseUrl: fresh.url, poolSize });
  try {
    await migrate(database.db, allMigrationSets());
    await sql.raw(BENCH_SCHEMA).execute(database.db);
  } catch (e) {
    await database.close();
    await fresh.drop();
    throw e;
  }
  return { fresh, database };
}

export async function runRegistrationBench(
  opts: RegistrationOptions = DEFAULT_REGISTRATION,
): Promise<RegistrationReport> {
  const { fresh, database } = await openBenchDatabase(opts.concurrency);
  try {
    const results: PhaseResult[] = [];
    for (const spec of phases(opts)) {
      const res = await runPhase(database, spec, opts, () => backendPids(fresh.url, fresh.name));
      res.verify = await verifyKeys(database, spec, res.done);
      results.push(res);
      console.log(
        `  ${spec.name}: ${res.done} in ${res.seconds} s = ${res.perSecond}/s, p50 ${round(res.latencyMs.p50)} ms, errors ${res.errors}`,
      );
    }
    const v0 = performance.now();
    const chain = await verifyAuditChain(database.db);
    const verifySeconds = round((performance.now() - v0) / 1000, 2);
    const expectedAudit = results.filter((p) => /audit/.test(p.steps)).reduce((a, p) => a + p.done, 0);
    const expectedJobs = results.filter((p) => p.steps.includes('job')).reduce((a, p) => a + p.done, 0);
    const jobs = await sql<{ n: number }>`select count(*)::int as n from platform.jobs`.execute(database.db);
    const main = results.slice(0, 2);
    return {
      database: {
        url: fresh.url.replace(/\/\/[^@]*@/, '//'),
        serverVersion: fresh.serverVersion,
        settings: await durabilitySettings(fresh.url),
      },
      options: opts,
      phases: results,
      audit: {
        ok: chain.ok && chain.checked === expectedAudit,
        checked: chain.checked,
        expected: expectedAudit,
        verifySeconds,
        firstBad: chain.firstBad,
      },
      jobs: { rows: jobs.rows[0].n, expected: expectedJobs },
      targetMet: main.every((p) => p.perSecond >= 500 && p.verify?.keysOk && p.errors === 0),
    };
  } finally {
    await database.close();
    await fresh.drop();
  }
}

export function printRegistration(r: RegistrationReport) {
  printTable(
    `Registration transaction on PostgreSQL ${r.database.serverVersion} (${r.options.concurrency} concurrent over a pg pool of ${r.options.concurrency})`,
    r.phases.map((p) => ({
      phase: p.phase,
      done: p.done,
      'reg/s': p.perSecond,
      'p50 ms': round(p.latencyMs.p50),
      'p95 ms': round(p.latencyMs.p95),
      'p99 ms': round(p.latencyMs.p99),
      errors: p.errors,
      'numbers 1..N': p.verify?.keysOk ? 'ok' : 'FAIL',
      'cores busy': p.cpu.machineCores,
      'bench proc': p.cpu.benchProcessCores,
      postgres: p.cpu.databaseCores,
      'pg CPU ms/reg': round((p.cpu.databaseCores * 1000) / p.perSecond, 2),
      'node CPU ms/reg': round((p.cpu.benchProcessCores * 1000) / p.perSecond, 2),
      'load before': p.loadBefore,
    })),
  );
  printTable(
    'Mean time per part of the transaction (ms; waits for row locks show up in the step that takes the lock)',
    r.phases.map((p) => ({ phase: p.phase, ...p.meanStepMs })),
  );
  for (const p of r.phases) {
    if (p.verify && !p.verify.keysOk) console.log(`  ${p.phase}: ${p.verify.detail}`);
    if (p.firstError) console.log(`  ${p.phase}: first error: ${p.firstError}`);
  }
  console.log(
    `  audit chain: ${r.audit.ok ? 'ok' : 'BROKEN'} (${r.audit.checked} rows checked of ${r.audit.expected}, verify took ${r.audit.verifySeconds} s)`,
  );
  console.log(`  outbox: ${r.jobs.rows} jobs for ${r.jobs.expected} registrations`);
  console.log(
    `  settings: ${Object.entries(r.database.settings)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`,
  );
  console.log(`  ${targetNote(r.targetMet, '>= 500 registrations/s with no gaps (spread and hot)')}`);
}

export function registrationOptionsFromArgs(args: string[]): RegistrationOptions {
  const num = (flag: string, fallback: number) => {
    const hit = args.find((a) => a.startsWith(`--${flag}=`));
    return hit ? Number(hit.split('=')[1]) : fallback;
  };
  return {
    total: num('registrations', DEFAULT_REGISTRATION.total),
    concurrency: num('concurrency', DEFAULT_REGISTRATION.concurrency),
    maxSeconds: num('max-seconds', DEFAULT_REGISTRATION.maxSeconds),
    diagnose: !args.includes('--no-diagnose'),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const report = await runRegistrationBench(registrationOptionsFromArgs(process.argv.slice(2)));
  printRegistration(report);
}
