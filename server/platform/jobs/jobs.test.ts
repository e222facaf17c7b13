import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/helpers/db.js';
import { type Database, sql } from '../db/database.js';
import { backoffSeconds, enqueueJob, JobWorker, notificationHandler, queueNotification } from './index.js';

const quiet = { warn: () => {}, error: () => {}, debug: () => {} };

describe('outbox jobs', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('a job enqueued in a rolled-back transaction never runs', async () => {
    await expect(
      database.db.transaction().execute(async (tx) => {
        await enqueueJob(tx, 'test.never', {});
        throw new Error('rollback');
      }),
    ).rejects.toThrow();
    const r = await sql<{
      n: number;
    }>`select count(*)::int as n from platform.jobs where topic = 'test.never'`.execute(database.db);
    expect(r.rows[0].n).toBe(0);
  });

  it('an idempotency key makes a repeated enqueue a no-op', async () => {
    const a = await enqueueJob(database.db, 'test.once', { x: 1 }, { idempotencyKey: 'once-1' });
    const b = await enqueueJob(database.db, 'test.once', { x: 2 }, { idempotencyKey: 'once-1' });
    expect(a).not.toBeNull();
    expect(b).toBeNull();
  });

  it('retries a failing handler with backoff, then succeeds', async () => {
    let calls = 0;
    const worker = new JobWorker(database.db, quiet).on('test.flaky', async () => {
      calls++;
      if (calls < 3) throw new Error('temporary');
    });
    worker.on('test.once', async () => {});
    await enqueueJob(database.db, 'test.flaky', {});
    for (let i = 0; i < 3; i++) {
      await worker.runOnce();
      await sql`update platform.jobs set run_after = now() where status = 'pending'`.execute(database.db); // skip the wait
    }
    expect(calls).toBe(3);
    const r = await sql<{
      status: string;
      attempts: number;
    }>`select status, attempts from platform.jobs where topic = 'test.flaky'`.execute(database.db);
    expect(r.rows[0]).toEqual({ status: 'done', attempts: 3 });
    expect(backoffSeconds(1)).toBe(2);
    expect(backoffSeconds(20)).toBe(3600);
  });

  it('gives up after max attempts and marks the job dead', async () => {
    const worker = new JobWorker(database.db, quiet).on('test.broken', async () => {
      throw new Error('always');
    });
    await enqueueJob(database.db, 'test.broken', {}, { maxAttempts: 2 });
    for (let i = 0; i < 3; i++) {
      await worker.runOnce();
      await sql`update platform.jobs set run_after = now() where status = 'pending'`.execute(database.db);
    }
    const r = await sql<{
      status: string;
      last_error: string;
    }>`select status, last_error from platform.jobs where topic = 'test.broken'`.execute(database.db);
    expect(r.rows[0]).toEqual({ status: 'dead', last_error: 'always' });
  });

  it('a notification is sent once even when its job runs twice', async () => {
    const sent: string[] = [];
    const adapter = { name: 'memory', send: async (m: { to: string }) => void sent.push(m.to) };
    const worker = new JobWorker(database.db, quiet).on('notify', notificationHandler(adapter));
    await queueNotification(
      database.db,
      {
        channel: 'email',
        to: 'cong.dan@example.vn',
        subject: 'Hồ sơ đã có kết quả',
        body: 'Kính gửi ông/bà…',
      },
      'app-1:result',
    );
    await worker.drain();
    // Simulate a crash after sending but before the job was marked done.
    await sql`update platform.jobs set status = 'pending', run_after = now() where topic = 'notify'`.execute(
      database.db,
    );
    await worker.drain();
    expect(sent).toEqual(['cong.dan@example.vn']);
    const log = await sql<{
      recipient: string;
      subject: string;
    }>`select recipient, subject from platform.notifications`.execute(database.db);
    expect(log.rows).toEqual([{ recipient: 'cong.dan@example.vn', subject: 'Hồ sơ đã có kết quả' }]);
  });
});
