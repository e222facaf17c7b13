import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/helpers/db.js';
import { type Database, sql } from '../db/database.js';
import { appendAudit, canonicalJson, verifyAuditChain } from './audit-log.js';

describe('audit log (hash chain)', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('canonical JSON ignores key order at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 }),
    );
  });

  it('appends linked rows and verifies an intact chain', async () => {
    const db = database.db;
    await appendAudit(db, {
      action: 'test.write',
      objectType: 'thing',
      objectId: '1',
      details: { b: 2, a: 'Nguyễn' },
    });
    await appendAudit(
      db,
      { action: 'test.read', objectType: 'person', objectId: '2', personalData: true, purpose: 'kiểm tra' },
      { action: 'test.read', objectId: '3' },
    );
    const report = await verifyAuditChain(db);
    expect(report).toMatchObject({ ok: true });
    expect(report.checked).toBeGreaterThanOrEqual(3);
  });

  it('refuses UPDATE and DELETE through the append-only trigger', async () => {
    await expect(
      sql`update platform.audit_log set action = 'x' where seq = 1`.execute(database.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from platform.audit_log where seq = 1`.execute(database.db)).rejects.toThrow(
      /append-only/,
    );
  });

  it('a rolled-back transaction leaves no audit entry and no hole in the chain', async () => {
    const before = await verifyAuditChain(database.db);
    await expect(
      database.db.transaction().execute(async (tx) => {
        await appendAudit(tx, { action: 'test.doomed' });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    await appendAudit(database.db, { action: 'test.after' });
    const after = await verifyAuditChain(database.db);
    expect(after.ok).toBe(true);
    expect(after.checked).toBe(before.checked + 1);
  });

  it('names the first tampered row when someone with database access edits one', async () => {
    for (let i = 0; i < 5; i++) await appendAudit(database.db, { action: 'test.bulk', objectId: String(i) });
    const target = await sql<{
      seq: string;
    }>`select seq from platform.audit_log where action = 'test.bulk' order by seq limit 1 offset 2`.execute(
      database.db,
    );
    const seq = target.rows[0].seq;
    // An attacker with table-owner rights switches the trigger off and rewrites history.
    await sql.raw('alter table platform.audit_log disable trigger audit_log_no_update').execute(database.db);
    await sql`update platform.audit_log set object_id = 'forged' where seq = ${seq}`.execute(database.db);
    await sql.raw('alter table platform.audit_log enable trigger audit_log_no_update').execute(database.db);
    const report = await verifyAuditChain(database.db);
    expect(report.ok).toBe(false);
    expect(report.firstBad).toEqual({ seq, reason: 'content does not match its hash' });
  });

  it('detects a deleted row as a missing sequence number', async () => {
    const fresh = await createTestDatabase();
    try {
      for (let i = 0; i < 4; i++) await appendAudit(fresh.db, { action: 'x', objectId: String(i) });
      await sql.raw('alter table platform.audit_log disable trigger audit_log_no_update').execute(fresh.db);
      await sql`delete from platform.audit_log where seq = 2`.execute(fresh.db);
      const report = await verifyAuditChain(fresh.db);
      expect(report.firstBad?.seq).toBe('2');
      expect(report.firstBad?.reason).toMatch(/missing/);
    } finally {
      await fresh.close();
    }
  });
});

describe('audited transactions', () => {
  it('append the entries last, and none when the work fails', async () => {
    const database = await createTestDatabase();
    try {
      const { auditedTransaction } = await import('./audited-transaction.js');
      const seqBefore = await sql<{ seq: string }>`select seq from platform.audit_head`.execute(database.db);
      await auditedTransaction(database.db, async (tx, audit) => {
        audit({ action: 'test.first', objectId: 'a' });
        await sql`select 1`.execute(tx);
        audit({ action: 'test.second', objectId: 'b' });
      });
      await expect(
        auditedTransaction(database.db, async (_tx, audit) => {
          audit({ action: 'test.doomed' });
          throw new Error('work failed');
        }),
      ).rejects.toThrow('work failed');
      const rows = await sql<{ action: string }>`
        select action from platform.audit_log where seq > ${seqBefore.rows[0].seq} order by seq`.execute(
        database.db,
      );
      expect(rows.rows.map((r) => r.action)).toEqual(['test.first', 'test.second']);
      expect((await verifyAuditChain(database.db)).ok).toBe(true);
    } finally {
      await database.close();
    }
  });
});
