import { canonicalJson } from '../../server/platform/audit/index.js';
import { type DbOrTx, sql } from '../../server/platform/db/database.js';
import type { RegisterKey } from '../../server/platform/numbering/index.js';
import type { AuditEntry } from '../../server/platform/audit/index.js';

/**
 * What-if prototypes measured next to the kernel's functions, to size a proposed change.
 * They are not product code: they write the same rows in the same format, so the kernel's
 * verifyAuditChain checks them, but each takes its row lock in a single statement.
 */

/**
 * appendAudit in one round trip: the head is locked, the row hashed (sha256 in SQL over the
 * same canonical payload the kernel hashes in Node), inserted and the head moved, all in one
 * statement. Only the sequence number is unknown before the lock, so Node prepares the rest.
 */
export async function appendAuditOneStatement(
  tx: DbOrTx,
  e: AuditEntry,
): Promise<{ seq: string; hash: string }> {
  const at = new Date();
  const details = e.details ? (JSON.parse(JSON.stringify(e.details)) as Record<string, unknown>) : null;
  const fields = [
    at.toISOString(),
    e.actorId ?? null,
    e.actorKind ?? null,
    e.unitId ?? null,
    e.action,
    e.objectType ?? null,
    e.objectId ?? null,
    e.purpose ?? null,
    e.requestId ?? null,
    e.ip ?? null,
    details,
    e.personalData ?? false,
  ];
  // canonicalJson([seq, ...fields]) === '["' + seq + '",' + tail
  const tail = canonicalJson(fields).slice(1);
  const r = await sql<{ seq: string; hash: string }>`
    with old as (
      select seq, hash from platform.audit_head where id = 1 for update
    ), next as (
      select seq + 1 as seq, hash as prev_hash,
        encode(sha256(convert_to(hash || chr(10) || '["' || (seq + 1)::text || '",' || ${tail}::text, 'UTF8')), 'hex') as hash
      from old
    ), written as (
      insert into platform.audit_log (seq, at, actor_id, actor_kind, unit_id, action, object_type, object_id,
                                      purpose, request_id, ip, details, personal_data, prev_hash, hash)
      select next.seq, ${at}, ${e.actorId ?? null}, ${e.actorKind ?? null}, ${e.unitId ?? null}, ${e.action},
             ${e.objectType ?? null}, ${e.objectId ?? null}, ${e.purpose ?? null}, ${e.requestId ?? null}, ${e.ip ?? null},
             ${details ? JSON.stringify(details) : null}::jsonb, ${e.personalData ?? false}, next.prev_hash, next.hash
      from next
      returning seq, hash
    )
    update platform.audit_head h set seq = written.seq, hash = written.hash from written where h.id = 1
    returning written.seq::text as seq, written.hash`.execute(tx);
  return r.rows[0];
}

/** The register number taken and the entry written in one statement, so the counter row is held one round trip less. */
export async function insertNumberedEntry(
  tx: DbOrTx,
  key: RegisterKey,
  subject: Record<string, unknown>,
): Promise<{ id: string; number: number }> {
  const r = await sql<{ id: string; number: number }>`
    with n as (
      insert into platform.register_counters (book_type, unit_id, year, last_number)
      values (${key.bookType}, ${key.unitId}, ${key.year}, 1)
      on conflict (book_type, unit_id, year)
      do update set last_number = platform.register_counters.last_number + 1
      returning last_number
    )
    insert into bench.entries (book_type, unit_id, year, number, subject)
    select ${key.bookType}, ${key.unitId}, ${key.year}, n.last_number, ${JSON.stringify(subject)} from n
    returning id, number`.execute(tx);
  return r.rows[0];
}
