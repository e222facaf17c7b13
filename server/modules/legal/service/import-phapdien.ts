import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Db, Tx } from '../../../platform/db/database.js';
import { AppError, t } from '../../../platform/errors/app-error.js';
import { foldVietnamese } from '../../../platform/text/index.js';
import {
  type LegalCounts,
  importedHashes,
  legalChecksum,
  legalCounts,
  recordImportedFile,
  storedProblems,
} from '../repo/report.js';
import {
  type AmendmentRow,
  type ArticleRow,
  type DocumentRow,
  resolveRefs,
  upsertChuDe,
  upsertDeMuc,
  upsertDocuments,
  writeAmendments,
  writeArticles,
  writeRefs,
  writeStructure,
} from '../repo/store.js';
import { parseDeMuc } from './parse-demuc.js';
import type { ParsedFile, ParseProblem } from './types.js';

export interface PhapdienProgress {
  stage: 'extract' | 'files' | 'refs' | 'done';
  file?: string;
  done: number;
  total: number;
}

export interface PhapdienImportOptions {
  onProgress?: (p: PhapdienProgress) => void;
  /** Re-read files even when their content hash is already imported. */
  force?: boolean;
}

export interface PhapdienImportReport {
  /** Đề mục files in the export, and how many were (re)written or skipped as already imported. */
  files: { seen: number; imported: number; skipped: number };
  counts: LegalCounts;
  /** Digest over all legal tables; identical after a repeated import. */
  checksum: string;
  problems: ParseProblem[];
  durationMs: number;
}

const run = promisify(execFile);

/** UUID-shaped stable id of a document identity (so articles can point to it without a lookup). */
function stableUuid(key: string): string {
  const h = createHash('sha256').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

async function resolveInput(input: string): Promise<{ demucDir: string; cleanup?: () => Promise<void> }> {
  const stat = await fs.stat(input).catch(() => undefined);
  if (!stat)
    throw new AppError('NOT_FOUND', t('Không tìm thấy bản xuất pháp điển', 'Codification export not found'), {
      input,
    });
  let root = input;
  let cleanup: (() => Promise<void>) | undefined;
  if (stat.isFile()) {
    if (!/\.(tar\.xz|txz)$/i.test(input))
      throw new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        t('Cần thư mục hoặc tệp .tar.xz', 'A folder or a .tar.xz file is required'),
      );
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'tuphap-phapdien-'));
    cleanup = () => fs.rm(root, { recursive: true, force: true });
    try {
      await run('tar', ['-xJf', path.resolve(input), '-C', root], { maxBuffer: 16 * 1024 * 1024 });
    } catch (e) {
      await cleanup();
      throw new AppError('VALIDATION', t('Không giải nén được bản xuất', 'Could not extract the archive'), {
        message: (e as Error).message,
      });
    }
  }
  for (const candidate of [path.join(root, 'BoPhapDienDienTu', 'demuc'), path.join(root, 'demuc'), root]) {
    const names = await fs.readdir(candidate).catch(() => [] as string[]);
    if (names.some((n) => /^[0-9a-f-]{36}\.html$/i.test(n))) return { demucDir: candidate, cleanup };
  }
  await cleanup?.();
  throw new AppError(
    'VALIDATION',
    t('Không thấy thư mục demuc trong bản xuất', 'No demuc folder in the export'),
    { input },
  );
}

function documentKey(d: { type: string; numberSymbol: string | null; title: string | null }): string {
  return d.numberSymbol ?? `${d.type}|${foldVietnamese(d.title ?? '')}`;
}

/** Rows of one parsed file: documents (first full citation wins), articles, amendments. */
function rowsOf(parsed: ParsedFile) {
  const documents = new Map<string, DocumentRow>();
  const articles: ArticleRow[] = [];
  const amendments: AmendmentRow[] = [];
  for (const a of parsed.articles) {
    const c = a.citation;
    let docId: string | null = null;
    if (c) {
      const key = documentKey(c.document);
      docId = stableUuid(key);
      const prev = documents.get(key);
      const row: DocumentRow = {
        id: docId,
        identity_key: key,
        doc_type: c.document.type,
        number_symbol: c.document.numberSymbol,
        title: c.document.title,
        issuer: c.document.issuer,
        issue_date: c.document.issueDate,
        effective_date: c.effectiveDate,
        vbpl_item_id: a.vbplItemIds[0] ?? null,
      };
      if (!prev) documents.set(key, row);
      else if (!prev.issuer && row.issuer)
        documents.set(key, { ...row, vbpl_item_id: row.vbpl_item_id ?? prev.vbpl_item_id });
      else if (!prev.vbpl_item_id && row.vbpl_item_id) prev.vbpl_item_id = row.vbpl_item_id;
      for (const [seq, m] of c.amendments.entries()) {
        for (const kind of m.kinds) {
          amendments.push({
            article_id: a.id,
            kind,
            seq: seq + 1,
            by_document_type: m.byDocument.type,
            by_number_symbol: m.byDocument.numberSymbol,
            by_unit: m.byUnit,
            by_vbpl_item_id: a.vbplItemIds[seq + 1] ?? null,
            effective_date: m.effectiveDate,
          });
        }
      }
    }
    articles.push({
      id: a.id,
      de_muc_id: a.deMucId,
      parent_anchor: a.parentAnchor,
      number: a.number,
      title: a.title,
      ord: a.order,
      body_text: a.bodyText,
      body_html: a.bodyHtml,
      source_document_id: docId,
      source_article: c?.articleNumber ? `Điều ${c.articleNumber}` : (c?.unit ?? null),
      effective_date: c?.effectiveDate ?? null,
      citation: a.citationText,
      amendment_notes: c ? c.note : null,
    });
  }
  return { documents: [...documents.values()], articles, amendments };
}

/**
 * Imports the Bộ pháp điển export (the `BoPhapDienDienTu` folder, its `demuc` folder, or the
 * `.tar.xz` archive) into the `legal` schema. Each đề mục file is written in its own
 * transaction and recorded with its content hash, so an interrupted import resumes where it
 * stopped and a repeated import skips unchanged files; upserts leave identical rows untouched.
 */
export async function importPhapdien(
  db: Db,
  input: string,
  opts: PhapdienImportOptions = {},
): Promise<PhapdienImportReport> {
  const started = performance.now();
  const progress = opts.onProgress ?? (() => {});
  progress({ stage: 'extract', done: 0, total: 1 });
  const { demucDir, cleanup } = await resolveInput(input);
  try {
    const names = (await fs.readdir(demucDir)).filter((n) => /\.html$/i.test(n)).sort();
    await upsertChuDe(db);
    const known = opts.force ? new Map<string, string>() : await importedHashes(db);
    let imported = 0;
    for (const [i, name] of names.entries()) {
      progress({ stage: 'files', file: name, done: i, total: names.length });
      const bytes = await fs.readFile(path.join(demucDir, name));
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (known.get(name) === sha256) continue;
      const deMucId = name.replace(/\.html$/i, '').toLowerCase();
      const parsed = parseDeMuc(bytes.toString('utf8'), deMucId, name);
      const rows = rowsOf(parsed);
      await db.transaction().execute(async (tx: Tx) => {
        await upsertDeMuc(tx, parsed.deMuc);
        await upsertDocuments(tx, rows.documents);
        await writeStructure(tx, deMucId, parsed.structure);
        await writeArticles(tx, deMucId, rows.articles);
        await writeAmendments(
          tx,
          rows.articles.map((a) => a.id),
          rows.amendments,
        );
        await writeRefs(tx, deMucId, parsed.refs);
        await recordImportedFile(tx, {
          fileName: name,
          deMucId,
          sha256,
          articleBlocks: parsed.articleBlocks,
          problems: parsed.problems,
        });
      });
      imported++;
    }
    progress({ stage: 'refs', done: 0, total: 1 });
    await resolveRefs(db);
    const report: PhapdienImportReport = {
      files: { seen: names.length, imported, skipped: names.length - imported },
      counts: await legalCounts(db),
      checksum: await legalChecksum(db),
      problems: await storedProblems(db),
      durationMs: 0,
    };
    progress({ stage: 'done', done: 1, total: 1 });
    report.durationMs = Math.round(performance.now() - started);
    return report;
  } finally {
    await cleanup?.();
  }
}
