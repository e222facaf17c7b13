import { type Db, type DbOrTx, sql } from '../db/database.js';

/**
 * The transactional outbox: a module enqueues a job in the same transaction as the
 * change that causes it, so the job exists exactly when the change committed.
 * An idempotency key makes a repeated enqueue a no-op.
 */
export interface EnqueueOptions {
  idempotencyKey?: string;
  runAfter?: Date;
  maxAttempts?: number;
}

export async function enqueueJob(
  db: DbOrTx,
  topic: string,
  payload: Record<string, unknown>,
  opts: EnqueueOptions = {},
): Promise<string | null> {
  const r = await sql<{ id: string }>`
    insert into platform.jobs (topic, payload, idempotency_key, run_after, max_attempts)
    values (${topic}, ${JSON.stringify(payload)}, ${opts.idempotencyKey ?? null},
            ${opts.runAfter ?? new Date()}, ${opts.maxAttempts ?? 8})
    on conflict (idempotency_key) do nothing
    returning id`.execute(db);
  return r.rows[0]?.id ?? null;
}

export interface JobRow {
  id: string;
  topic: string;
  payload: Record<string, unknown>;
  idempotency_key: string | null;
  attempts: number;
  max_attempts: number;
}

export interface JobContext {
  db: Db;
  job: JobRow;
}

export type JobHandler = (ctx: JobContext) => Promise<void>;

/** Retry delay: 2^attempts seconds, capped at one hour. */
export const backoffSeconds = (attempts: number) => Math.min(3600, 2 ** Math.max(0, attempts));

/** Claims up to `limit` ready jobs (SKIP LOCKED: safe with several workers or nodes). */
export async function claimJobs(db: Db, limit: number, leaseSeconds = 60): Promise<JobRow[]> {
  const r = await sql<JobRow>`
    update platform.jobs set status = 'running', attempts = attempts + 1,
      locked_until = now() + make_interval(secs => ${leaseSeconds})
    where id in (
      select id from platform.jobs
      where (status = 'pending' and run_after <= now())
         or (status = 'running' and locked_until < now())
      order by id
      for update skip locked
      limit ${limit})
    returning id, topic, payload, idempotency_key, attempts, max_attempts`.execute(db);
  return r.rows;
}

export async function completeJob(db: Db, id: string) {
  await sql`update platform.jobs set status = 'done', done_at = now(), locked_until = null, last_error = null where id = ${id}`.execute(
    db,
  );
}

export async function failJob(db: Db, job: JobRow, error: string) {
  const dead = job.attempts >= job.max_attempts;
  await sql`
    update platform.jobs set
      status = ${dead ? 'dead' : 'pending'},
      last_error = ${error.slice(0, 2000)},
      locked_until = null,
      run_after = now() + make_interval(secs => ${backoffSeconds(job.attempts)})
    where id = ${job.id}`.execute(db);
}

export interface JobCounts {
  pending: number;
  running: number;
  done: number;
  dead: number;
}

export async function jobCounts(db: DbOrTx): Promise<JobCounts> {
  const r = await sql<{ status: keyof JobCounts; n: number }>`
    select status, count(*)::int as n from platform.jobs group by status`.execute(db);
  const out: JobCounts = { pending: 0, running: 0, done: 0, dead: 0 };
  for (const row of r.rows) out[row.status] = row.n;
  return out;
}
