import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '../../server/platform/audit/index.js';
import { type Database, sql } from '../../server/platform/db/database.js';
import { enqueueJob } from '../../server/platform/jobs/index.js';
import { nextRegisterNumber } from '../../server/platform/numbering/index.js';
import { createTestDatabase } from '../helpers/db.js';

/**
 * Gapless numbering on a real PostgreSQL (TT 04/2020/TT-BTP Đ29: numbers run from 01 each
 * year, no gaps, no duplicates): concurrency and a process killed mid-transaction.
 */

describe('register numbering on PostgreSQL', () => {
  let database: Database & { url?: string };
  beforeAll(async () => {
    database = await createTestDatabase();
    await sql`create table platform.it_entries (n int primary key, at timestamptz default now())`.execute(
      database.db,
    );
  });
  afterAll(() => database.close());

  it('200 concurrent registrations (numbering + audit + outbox in one transaction) get exactly 1..200', async () => {
    const key = { bookType: 'KH', unitId: '09319', year: 2026 };
    const got = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        database.db.transaction().execute(async (tx) => {
          const n = await nextRegisterNumber(tx, key);
          await appendAudit(tx, {
            action: 'test.register',
            objectType: 'entry',
            objectId: `${n}`,
            unitId: '09319',
          });
          await enqueueJob(tx, 'test.after-register', { n }, { idempotencyKey: `it-${i}` });
          return n;
        }),
      ),
    );
    expect([...got].sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
    const jobs = await sql<{
      n: number;
    }>`select count(*)::int as n from platform.jobs where topic = 'test.after-register'`.execute(database.db);
    expect(jobs.rows[0].n).toBe(200);
  });

  it('a process killed with SIGKILL mid-transaction leaves no gap and no duplicate', async () => {
    const key = { bookType: 'KS', unitId: '09187', year: 2026 };
    const first = await database.db.transaction().execute(async (tx) => {
      const n = await nextRegisterNumber(tx, key);
      await sql`insert into platform.it_entries (n) values (${n})`.execute(tx);
      return n;
    });
    expect(first).toBe(1);

    const child: ChildProcess = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, 'fixtures', 'hold-number.ts'), database.url!],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const held = await new Promise<number>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => {
        const m = /holding (\d+)/.exec(d.toString());
        if (m) resolve(Number(m[1]));
      });
      child.on('exit', (code) => reject(new Error(`child exited early (${code})`)));
    });
    expect(held).toBe(2);

    // While the child holds number 2, a concurrent registration waits for it.
    const waiting = database.db.transaction().execute(async (tx) => {
      const n = await nextRegisterNumber(tx, key);
      await sql`insert into platform.it_entries (n) values (${n})`.execute(tx);
      return n;
    });
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGKILL');
    // PostgreSQL rolls the dead session back; the waiting registration then receives 2.
    expect(await waiting).toBe(2);
    const rows = await sql<{ n: number }>`select n from platform.it_entries order by n`.execute(database.db);
    expect(rows.rows.map((r) => r.n)).toEqual([1, 2]);
  });
});
