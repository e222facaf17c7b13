import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, sql } from '../../server/platform/db/database.js';
import { createTestDatabase } from '../helpers/db.js';

describe('test database harness', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('gives a migrated database with the kernel schema', async () => {
    const r = await sql<{ n: number }>`select count(*)::int as n from platform.schema_migrations`.execute(
      database.db,
    );
    expect(r.rows[0].n).toBeGreaterThan(0);
  });

  it('runs transactions that roll back on error', async () => {
    await sql`create table platform.tmp_tx (v int)`.execute(database.db);
    await expect(
      database.db.transaction().execute(async (tx) => {
        await sql`insert into platform.tmp_tx values (1)`.execute(tx);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const r = await sql<{ n: number }>`select count(*)::int as n from platform.tmp_tx`.execute(database.db);
    expect(r.rows[0].n).toBe(0);
  });
});
