import fs from 'node:fs/promises';
import path from 'node:path';
import type { DbOrTx, Tx } from '../db/database.js';
import { AppError, t } from '../errors/app-error.js';
import { type CsvRecord, parseCsvRecords } from './csv.js';
import { COLUMNS, FILES, type RejectedRow, UnitSetBuilder } from './import-rows.js';
import { emptyCounts, loadStoredUnits, upsertMappings, upsertUnits, type WriteCounts } from './store.js';
import type { UnitLevel } from './types.js';

export type { RejectedRow } from './import-rows.js';

export interface ImportProgress {
  stage: 'read' | 'check' | 'units' | 'mappings' | 'done';
  /** File being read (stage 'read'). */
  file?: string;
  done: number;
  total: number;
}

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
  /** Rows per insert statement (default 2000). */
  batchSize?: number;
}

export type LevelCounts = Record<Exclude<UnitLevel, 'country'>, number>;

export interface ImportReport {
  /** The reference files found and read. */
  files: string[];
  /** The reference files not in the folder (a partial import is allowed). */
  missing: string[];
  /** Valid rows, per structure and level, and valid mapping pairs. */
  accepted: { current: LevelCounts; former: LevelCounts; mappings: number };
  /** What the write did; a repeated import reports everything unchanged. */
  written: { units: WriteCounts; mappings: WriteCounts };
  /** Rows left out, with file, line and reason. */
  rejected: RejectedRow[];
  durationMs: number;
}

const CSV_MESSAGES: Record<string, string> = {
  'unterminated quoted field': 'dấu ngoặc kép không được đóng',
  'unexpected text after a closing quote': 'có ký tự sau dấu ngoặc kép đóng',
  'quote inside an unquoted field': 'dấu ngoặc kép nằm trong trường không được bao ngoặc',
  'missing header row': 'thiếu dòng tiêu đề',
};

function csvReason(message: string) {
  const m = /^expected (\d+) fields, found (\d+)$/.exec(message);
  const vi = m
    ? `cần ${m[1]} trường, có ${m[2]}`
    : (CSV_MESSAGES[message.replace(/^header: /, '')] ?? message);
  return t(`Dòng CSV không đọc được: ${vi}`, `Unreadable CSV row: ${message}`);
}

type FileKey = keyof typeof FILES;

/** Reads and checks one reference file; problems become rejected rows. */
async function readTable(
  folder: string,
  key: FileKey,
  rejected: RejectedRow[],
): Promise<CsvRecord[] | undefined> {
  const file = FILES[key];
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path.join(folder, file));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).normalize('NFC');
  } catch {
    rejected.push({ file, line: 1, reason: t('Tệp không phải UTF-8', 'The file is not UTF-8') });
    return [];
  }
  const table = parseCsvRecords(text);
  for (const issue of table.issues)
    rejected.push({ file, line: issue.line, reason: csvReason(issue.message) });
  const missing = COLUMNS[key].filter((c) => !table.header.includes(c));
  if (missing.length > 0 && table.header.length > 0) {
    rejected.push({
      file,
      line: 1,
      reason: t(`Thiếu cột: ${missing.join(', ')}`, `Missing columns: ${missing.join(', ')}`),
    });
    return [];
  }
  return table.records;
}

/**
 * Imports the administrative-unit reference files of a folder (see the README of
 * shared/data/admin-units): 2025 provinces and communes, pre-2025 provinces, districts
 * and communes ('o'-prefixed ids), and the old→new mapping. Any subset of the four files
 * may be present; parents may come from an earlier import. Rows are upserted in batches
 * within one transaction, so a repeated import changes nothing. Bad rows are reported.
 */
export async function importAdminUnits(
  db: DbOrTx,
  folder: string,
  opts: ImportOptions = {},
): Promise<ImportReport> {
  const started = performance.now();
  const progress = opts.onProgress ?? (() => {});
  const stat = await fs.stat(folder).catch(() => undefined);
  if (!stat?.isDirectory()) {
    throw new AppError(
      'NOT_FOUND',
      t('Không tìm thấy thư mục dữ liệu đơn vị hành chính', 'Admin-unit data folder not found'),
      {
        folder,
      },
    );
  }

  const rejected: RejectedRow[] = [];
  const tables = {} as Record<FileKey, CsvRecord[] | undefined>;
  const keys = Object.keys(FILES) as FileKey[];
  for (const [i, key] of keys.entries()) {
    progress({ stage: 'read', file: FILES[key], done: i, total: keys.length });
    tables[key] = await readTable(folder, key, rejected);
  }
  const files = keys.filter((k) => tables[k] !== undefined).map((k) => FILES[k]);
  if (files.length === 0) {
    throw new AppError(
      'VALIDATION',
      t(
        `Thư mục không có tệp nào trong số: ${Object.values(FILES).join(', ')}`,
        `The folder has none of: ${Object.values(FILES).join(', ')}`,
      ),
    );
  }

  const run = async (tx: DbOrTx): Promise<ImportReport> => {
    progress({ stage: 'check', done: 0, total: 1 });
    const builder = new UnitSetBuilder(await loadStoredUnits(tx));
    if (tables.provinces) builder.addProvinces(FILES.provinces, tables.provinces);
    if (tables.communes) builder.addCommunes(FILES.communes, tables.communes);
    if (tables.former) builder.addFormer(FILES.former, tables.former);
    if (tables.mapping) builder.addMappings(FILES.mapping, tables.mapping);
    progress({ stage: 'check', done: 1, total: 1 });

    const units = [...builder.units.values()];
    const mappings = [...builder.mappings.values()];
    const unitCounts = await upsertUnits(tx, units, {
      batchSize: opts.batchSize,
      onBatch: (done) => progress({ stage: 'units', done, total: units.length }),
    });
    const mappingCounts =
      mappings.length > 0
        ? await upsertMappings(tx, mappings, {
            batchSize: opts.batchSize,
            onBatch: (done) => progress({ stage: 'mappings', done, total: mappings.length }),
          })
        : emptyCounts();

    const accepted = {
      current: { province: 0, district: 0, commune: 0 },
      former: { province: 0, district: 0, commune: 0 },
      mappings: mappings.length,
    };
    for (const u of units) {
      if (u.level !== 'country') accepted[u.validTo ? 'former' : 'current'][u.level]++;
    }
    const order = (f: string) => Object.values(FILES).indexOf(f as (typeof FILES)[FileKey]);
    const all = [...rejected, ...builder.rejected].sort(
      (a, b) => order(a.file) - order(b.file) || a.line - b.line,
    );
    progress({ stage: 'done', done: 1, total: 1 });
    return {
      files,
      missing: keys.filter((k) => tables[k] === undefined).map((k) => FILES[k]),
      accepted,
      written: { units: unitCounts, mappings: mappingCounts },
      rejected: all,
      durationMs: Math.round(performance.now() - started),
    };
  };

  return db.isTransaction ? run(db) : db.transaction().execute((tx: Tx) => run(tx));
}
