import { type DbOrTx, sql } from '../db/database.js';
import type { MappingRecord, UnitLevel, UnitRecord } from './types.js';
import { UNIT_LEVELS } from './types.js';

/** What an upsert did: new rows, changed rows, rows already identical. */
export interface WriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export const emptyCounts = (): WriteCounts => ({ inserted: 0, updated: 0, unchanged: 0 });

export interface WriteOptions {
  batchSize?: number;
  /** Called after each batch with the number of rows written so far. */
  onBatch?: (done: number) => void;
}

const DEFAULT_BATCH = 2000;

/**
 * Inserts or updates units, parents before children (rows are written level by level).
 * A row identical to the stored one is left untouched, so a repeated import writes nothing.
 * Each batch is one statement with one JSON parameter.
 */
export async function upsertUnits(
  db: DbOrTx,
  rows: readonly UnitRecord[],
  opts: WriteOptions = {},
): Promise<WriteCounts> {
  const byLevel = new Map<UnitLevel, UnitRecord[]>(UNIT_LEVELS.map((l) => [l, []]));
  for (const r of rows) byLevel.get(r.level)!.push(r);
  const counts = emptyCounts();
  let done = 0;
  for (const level of UNIT_LEVELS) {
    for (const batch of chunks(byLevel.get(level)!, opts.batchSize ?? DEFAULT_BATCH)) {
      const json = JSON.stringify(
        batch.map((r) => ({
          id: r.id,
          code: r.code,
          level: r.level,
          type: r.type,
          name: r.name,
          full_name: r.fullName,
          parent_id: r.parentId,
          path: r.path,
          valid_from: r.validFrom,
          valid_to: r.validTo,
          province_code: r.provinceCode,
        })),
      );
      const res = await sql<{ inserted: boolean }>`
        insert into platform.admin_units as u
          (id, code, level, type, name, full_name, parent_id, path, valid_from, valid_to, province_code)
        select id, code, level, type, name, full_name, parent_id, path, valid_from, valid_to, province_code
        from jsonb_to_recordset(${json}::jsonb) as r(
          id text, code text, level text, type text, name text, full_name text, parent_id text,
          path text, valid_from date, valid_to date, province_code text)
        on conflict (id) do update set
          code = excluded.code, level = excluded.level, type = excluded.type, name = excluded.name,
          full_name = excluded.full_name, parent_id = excluded.parent_id, path = excluded.path,
          valid_from = excluded.valid_from, valid_to = excluded.valid_to, province_code = excluded.province_code
        where (u.code, u.level, u.type, u.name, u.full_name, u.parent_id, u.path, u.valid_from, u.valid_to,
               u.province_code)
          is distinct from
              (excluded.code, excluded.level, excluded.type, excluded.name, excluded.full_name, excluded.parent_id,
               excluded.path, excluded.valid_from, excluded.valid_to, excluded.province_code)
        returning (xmax = 0) as inserted`.execute(db);
      tally(counts, batch.length, res.rows);
      done += batch.length;
      opts.onBatch?.(done);
    }
  }
  return counts;
}

/** Inserts or updates (old → new) mapping pairs; identical pairs are left untouched. */
export async function upsertMappings(
  db: DbOrTx,
  rows: readonly MappingRecord[],
  opts: WriteOptions = {},
): Promise<WriteCounts> {
  const counts = emptyCounts();
  let done = 0;
  for (const batch of chunks(rows, opts.batchSize ?? DEFAULT_BATCH)) {
    const json = JSON.stringify(
      batch.map((m) => ({
        old_id: m.oldId,
        new_id: m.newId,
        effective_date: m.effectiveDate,
        portion: m.portion,
        is_split: m.isSplit,
      })),
    );
    const res = await sql<{ inserted: boolean }>`
      insert into platform.admin_unit_mapping as m (old_id, new_id, effective_date, portion, is_split)
      select old_id, new_id, effective_date, portion, is_split
      from jsonb_to_recordset(${json}::jsonb) as r(
        old_id text, new_id text, effective_date date, portion text, is_split boolean)
      on conflict (old_id, new_id) do update set
        effective_date = excluded.effective_date, portion = excluded.portion, is_split = excluded.is_split
      where (m.effective_date, m.portion, m.is_split)
        is distinct from (excluded.effective_date, excluded.portion, excluded.is_split)
      returning (xmax = 0) as inserted`.execute(db);
    tally(counts, batch.length, res.rows);
    done += batch.length;
    opts.onBatch?.(done);
  }
  return counts;
}

function tally(counts: WriteCounts, size: number, rows: Array<{ inserted: boolean }>) {
  const inserted = rows.filter((r) => r.inserted).length;
  counts.inserted += inserted;
  counts.updated += rows.length - inserted;
  counts.unchanged += size - rows.length;
}

function* chunks<T>(rows: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/** What the database already holds, for parent checks and paths on partial imports. */
export interface StoredUnit {
  id: string;
  level: UnitLevel;
  parentId: string | null;
  path: string;
  code: string;
  validTo: string | null;
}

export async function loadStoredUnits(db: DbOrTx): Promise<Map<string, StoredUnit>> {
  const res = await sql<{
    id: string;
    level: UnitLevel;
    parent_id: string | null;
    path: string;
    code: string;
    valid_to: string | null;
  }>`select id, level, parent_id, path, code, valid_to::text as valid_to from platform.admin_units`.execute(
    db,
  );
  return new Map(
    res.rows.map((r) => [
      r.id,
      { id: r.id, level: r.level, parentId: r.parent_id, path: r.path, code: r.code, validTo: r.valid_to },
    ]),
  );
}
