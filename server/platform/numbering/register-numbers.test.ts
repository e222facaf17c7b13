import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/helpers/db.js';
import { type Database, sql } from '../db/database.js';
import { formatEntryNumber, lastRegisterNumber, nextRegisterNumber } from './register-numbers.js';

// TT 04/2020/TT-BTP Điều 29, NĐ 123/2015 Điều 11: the entry number runs from 01 each year, per book.
describe('gapless register numbers', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  const key = { bookType: 'KS', unitId: '09187', year: 2026 };

  it('starts at 1 per (book, unit, year) and counts up', async () => {
    const got: number[] = [];
    for (let i = 0; i < 3; i++)
      got.push(await database.db.transaction().execute((tx) => nextRegisterNumber(tx, key)));
    expect(got).toEqual([1, 2, 3]);
    expect(
      await database.db.transaction().execute((tx) => nextRegisterNumber(tx, { ...key, year: 2027 })),
    ).toBe(1);
    expect(
      await database.db.transaction().execute((tx) => nextRegisterNumber(tx, { ...key, bookType: 'KT' })),
    ).toBe(1);
  });

  it('gives the number back when the registering transaction rolls back', async () => {
    const before = await lastRegisterNumber(database.db, key);
    await expect(
      database.db.transaction().execute(async (tx) => {
        await nextRegisterNumber(tx, key);
        throw new Error('validation failed after numbering');
      }),
    ).rejects.toThrow();
    expect(await lastRegisterNumber(database.db, key)).toBe(before);
    expect(await database.db.transaction().execute((tx) => nextRegisterNumber(tx, key))).toBe(before + 1);
  });

  it('50 concurrent registrations get exactly 1..50', async () => {
    const k = { bookType: 'KH', unitId: '09319', year: 2026 };
    await sql`create table platform.test_entries (n int primary key)`.execute(database.db);
    const numbers = await Promise.all(
      Array.from({ length: 50 }, () =>
        database.db.transaction().execute(async (tx) => {
          const n = await nextRegisterNumber(tx, k);
          await sql`insert into platform.test_entries values (${n})`.execute(tx);
          return n;
        }),
      ),
    );
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('refuses to number outside a transaction', async () => {
    await expect(nextRegisterNumber(database.db, key)).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('formats entry numbers with at least two digits', () => {
    expect(formatEntryNumber(1)).toBe('01');
    expect(formatEntryNumber(123)).toBe('123');
  });
});
