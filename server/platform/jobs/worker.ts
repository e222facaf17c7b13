import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database.js';
import { claimJobs, completeJob, failJob, type JobHandler } from './outbox.js';

/**
 * Runs jobs from the outbox: polls, runs the handler of each job's topic, retries with
 * backoff, gives up after max_attempts ('dead', visible on /metrics). Handlers must be
 * idempotent: a job can run again after a crash between its effect and its completion.
 */
export class JobWorker {
  private handlers = new Map<string, JobHandler>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;

  constructor(
    private readonly db: Db,
    private readonly log: Pick<FastifyBaseLogger, 'warn' | 'error' | 'debug'>,
    private readonly opts: { pollMs?: number; batch?: number } = {},
  ) {}

  on(topic: string, handler: JobHandler) {
    this.handlers.set(topic, handler);
    return this;
  }

  start() {
    this.stopped = false;
    const tick = async () => {
      if (this.stopped) return;
      this.running = this.runOnce().then(() => undefined);
      await this.running.catch((err) => this.log.error({ err }, 'job worker tick failed'));
      if (!this.stopped) this.timer = setTimeout(tick, this.opts.pollMs ?? 500);
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Claims and runs one batch; returns how many jobs ran. */
  async runOnce(): Promise<number> {
    const jobs = await claimJobs(this.db, this.opts.batch ?? 20);
    for (const job of jobs) {
      const handler = this.handlers.get(job.topic);
      if (!handler) {
        await failJob(this.db, { ...job, attempts: job.max_attempts }, `no handler for topic ${job.topic}`);
        this.log.warn({ topic: job.topic, id: job.id }, 'job without handler marked dead');
        continue;
      }
      try {
        await handler({ db: this.db, job });
        await completeJob(this.db, job.id);
      } catch (err) {
        this.log.warn({ err, id: job.id, topic: job.topic, attempt: job.attempts }, 'job failed');
        await failJob(this.db, job, (err as Error).message ?? String(err));
      }
    }
    return jobs.length;
  }

  /** Runs batches until none is ready (tests, CLI). */
  async drain(maxRounds = 100): Promise<number> {
    let total = 0;
    for (let i = 0; i < maxRounds; i++) {
      const n = await this.runOnce();
      total += n;
      if (n === 0) break;
    }
    return total;
  }
}
