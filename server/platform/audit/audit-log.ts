import { createHash } from 'node:crypto';
import { type DbOrTx, sql, type Tx } from '../db/database.js';

/**
 * Append-only, hash-chained audit log. Every write and every read of personal data is
 * recorded inside the transaction that does it, so an entry exists exactly when the
 * work committed. Each row's hash covers the previous row's hash and its own fields.
 */
export interface AuditEntry {
  actorId?: string | null;
  actorKind?: string | null;
  unitId?: string | null;
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  purpose?: string | null;
  requestId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown> | null;
  /** true for reads or writes of personal data */
  personalData?: boolean;
}

export interface AuditRow {
  seq: string;
  at: Date;
  actor_id: string | null;
  actor_kind: string | null;
  unit_id: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  purpose: string | null;
  request_id: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
  personal_data: boolean;
  prev_hash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so jsonb's reordering cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const keys = Object.keys(value as object)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function hashRow(prevHash: string, row: Omit<AuditRow, 'hash' | 'prev_hash'>): string {
  const payload = canonicalJson([
    String(row.seq),
    row.at.toISOString(),
    row.actor_id,
    row.actor_kind,
    row.unit_id,
    row.action,
    row.object_type,
    row.object_id,
    row.purpose,
    row.request_id,
    row.ip,
    row.details,
    row.personal_data,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(payload).digest('hex');
}

async function appendInTx(tx: Tx, entries: AuditEntry[]): Promise<Array<{ seq: string; hash: string }>> {
  // Lock the chain head: appends are linear, and a rolled-back transaction leaves no trace.
  const head = await sql<{ seq: string; hash: string }>`
    select seq, hash from platform.audit_head where id = 1 for update`.execute(tx);
  let seq = BigInt(head.rows[0].seq);
  let prev = head.rows[0].hash;
  const at = new Date();
  const out: Array<{ seq: string; hash: string }> = [];
  const rows: AuditRow[] = [];
  for (const e of entries) {
    seq += 1n;
    const base = {
      seq: seq.toString(),
      at,
      actor_id: e.actorId ?? null,
      actor_kind: e.actorKind ?? null,
      unit_id: e.unitId ?? null,
      action: e.action,
      object_type: e.objectType ?? null,
      object_id: e.objectId ?? null,
      purpose: e.purpose ?? null,
      request_id: e.requestId ?? null,
      ip: e.ip ?? null,
      details: e.details ? (JSON.parse(JSON.stringify(e.details)) as Record<string, unknown>) : null,
      personal_data: e.personalData ?? false,
    };
    const hash = hashRow(prev, base);
    rows.push({ ...base, prev_hash: prev, hash });
    out.push({ seq: base.seq, hash });
    prev = hash;
  }
  await tx
    .insertInto('platform.audit_log')
    .values(rows.map((r) => ({ ...r, details: r.details ? JSON.stringify(r.details) : null })))
    .execute();
  await sql`update platform.audit_head set seq = ${seq.toString()}, hash = ${prev} where id = 1`.execute(tx);
  return out;
}

/** Appends entries in the caller's transaction (or in a new one when given the database). */
export async function appendAudit(
  db: DbOrTx,
  ...entries: AuditEntry[]
): Promise<Array<{ seq: string; hash: string }>> {
  if (entries.length === 0) return [];
  if (db.isTransaction) return appendInTx(db as Tx, entries);
  return db.transaction().execute((tx) => appendInTx(tx, entries));
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  firstBad?: { seq: string; reason: string };
}

/** Walks the whole chain in order and names the first row that does not fit. */
export async function verifyAuditChain(db: DbOrTx, pageSize = 5000): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let expectedSeq = 1n;
  let checked = 0;
  let after = '0';
  for (;;) {
    const page = await sql<AuditRow>`
      select * from platform.audit_log where seq > ${after} order by seq limit ${pageSize}`.execute(db);
    for (const row of page.rows) {
      const seq = BigInt(row.seq);
      if (seq !== expectedSeq) {
        return {
          ok: false,
          checked,
          firstBad: { seq: expectedSeq.toString(), reason: `missing row (next present is ${row.seq})` },
        };
      }
      if (row.prev_hash !== prev)
        return {
          ok: false,
          checked,
          firstBad: { seq: row.seq, reason: 'prev_hash does not match the previous row' },
        };
      const { hash, prev_hash: _p, ...rest } = row;
      if (hashRow(prev, { ...rest, at: new Date(rest.at) }) !== hash) {
        return { ok: false, checked, firstBad: { seq: row.seq, reason: 'content does not match its hash' } };
      }
      prev = hash;
      expectedSeq += 1n;
      checked++;
      after = row.seq;
    }
    if (page.rows.length < pageSize) break;
  }
  const head = await sql<{
    seq: string;
    hash: string;
  }>`select seq, hash from platform.audit_head where id = 1`.execute(db);
  if (head.rows[0].seq !== (expectedSeq - 1n).toString() || head.rows[0].hash !== prev) {
    return {
      ok: false,
      checked,
      firstBad: {
        seq: head.rows[0].seq,
        reason: 'chain head does not match the last row (rows removed at the end?)',
      },
    };
  }
  return { ok: true, checked };
}
