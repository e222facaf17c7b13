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
  const payload = `["${String(row.seq)}",${restPayload(row).slice(1)}`;
  return createHash('sha256').update(prevHash).update('\n').update(payload).digest('hex');
}

/** The row's fields after `seq`, as canonical JSON: the database prepends the seq it assigns. */
function restPayload(row: Omit<AuditRow, 'hash' | 'prev_hash' | 'seq'>): string {
  return canonicalJson([
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
}

/**
 * One statement per entry: advance the chain head (locking it), compute the hash in SQL
 * over exactly the bytes `hashRow` hashes, and insert the row. The head row stays locked
 * until the caller's transaction ends, so the chain is linear and a rollback leaves no trace;
 * doing it in one round trip keeps that lock short.
 */
async function appendOne(db: DbOrTx, e: AuditEntry, at: Date): Promise<{ seq: string; hash: string }> {
  const row = {
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
  const rest = restPayload(row);
  const r = await sql<{ seq: string; hash: string }>`
    with head as (
      update platform.audit_head set
        seq = seq + 1,
        prev_hash = hash,
        hash = encode(sha256(convert_to(
          hash || chr(10) || '["' || (seq + 1)::text || '",' || substr(${rest}::text, 2), 'UTF8')), 'hex')
      where id = 1
      returning seq, hash, prev_hash)
    insert into platform.audit_log (seq, at, actor_id, actor_kind, unit_id, action, object_type, object_id,
                                    purpose, request_id, ip, details, personal_data, prev_hash, hash)
    select head.seq, ${row.at}, ${row.actor_id}, ${row.actor_kind}, ${row.unit_id}, ${row.action}, ${row.object_type},
           ${row.object_id}, ${row.purpose}, ${row.request_id}, ${row.ip},
           ${row.details ? JSON.stringify(row.details) : null}::jsonb, ${row.personal_data}, head.prev_hash, head.hash
    from head
    returning seq, hash`.execute(db);
  return { seq: String(r.rows[0].seq), hash: r.rows[0].hash };
}

/** Appends entries in the caller's transaction (or atomically on their own when given the database). */
export async function appendAudit(
  db: DbOrTx,
  ...entries: AuditEntry[]
): Promise<Array<{ seq: string; hash: string }>> {
  if (entries.length === 0) return [];
  const at = new Date();
  if (entries.length === 1) return [await appendOne(db, entries[0], at)];
  const run = async (tx: DbOrTx) => {
    const out: Array<{ seq: string; hash: string }> = [];
    for (const e of entries) out.push(await appendOne(tx, e, at));
    return out;
  };
  return db.isTransaction ? run(db) : db.transaction().execute((tx) => run(tx as Tx));
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
