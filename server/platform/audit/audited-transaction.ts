import type { Db, Tx } from '../db/database.js';
import { type AuditEntry, appendAudit } from './audit-log.js';

/**
 * A transaction whose audit entries are appended last, just before commit. The chain head is
 * one row for the whole system, locked from the append to the commit: appending last keeps
 * that lock as short as possible, so audited writes on different books and units do not
 * queue behind each other's work (docs/benchmarks.md measures the difference).
 */
export type AuditLater = (entry: AuditEntry) => void;

export async function auditedTransaction<T>(
  db: Db,
  work: (tx: Tx, audit: AuditLater) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (tx) => {
    const pending: AuditEntry[] = [];
    const result = await work(tx, (entry) => pending.push(entry));
    await appendAudit(tx, ...pending);
    return result;
  });
}
