import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPhapdien, type PhapdienImportReport } from '../../server/modules/legal/index.js';
import { type Database, sql } from '../../server/platform/db/database.js';
import { createTestDatabase } from '../helpers/db.js';

/**
 * The whole Bộ pháp điển export, from the archive, on PostgreSQL. Counts are compared with
 * the data README (shared/data/phapdien); the differences are explained in the legal module README.
 */
const root = path.resolve(__dirname, '..', '..');
const archive = path.resolve(root, '..', 'shared', 'data', 'phapdien', 'bophapdien-export.tar.xz');

describe('import phapdien — full export', () => {
  let database: Database;
  let first: PhapdienImportReport;

  beforeAll(async () => {
    database = await createTestDatabase();
    first = await importPhapdien(database.db, archive);
  }, 600_000);
  afterAll(() => database?.close());

  it('reads every đề mục file and every article block', () => {
    expect(first.files).toEqual({ seen: 292, imported: 292, skipped: 0 });
    expect(first.counts.deMuc).toBe(292);
    expect(first.counts.articleBlocks).toBe(69_705);
    expect(first.counts.articles).toBe(69_664);
  });

  it('finds the source documents and the amendment notes', () => {
    expect(Math.abs(first.counts.sourceDocuments - 4_812)).toBeLessThanOrEqual(5);
    expect(first.counts.articlesWithAmendmentNotes).toBeGreaterThan(4_500);
    expect(first.counts.amendments).toBeGreaterThan(first.counts.articlesWithAmendmentNotes);
  });

  it('keeps cross-references of articles and of headings', async () => {
    const r = await sql<{ from_articles: string; resolved: string }>`
      select count(*) filter (where a.id is not null) as from_articles,
             count(*) filter (where a.id is not null and f.resolved) as resolved
      from legal.article_refs f left join legal.articles a on a.id = f.from_id`.execute(database.db);
    expect(Number(r.rows[0].from_articles)).toBe(43_582);
    expect(Number(r.rows[0].resolved)).toBe(41_166);
    // 44,039 / 41,553 in the data README count heading references as the preceding article's.
    expect(first.counts.refs).toBe(44_169);
    expect(first.counts.refsResolved).toBe(41_678);
  });

  it('reports the citations it could not read', () => {
    expect(first.problems.length).toBeGreaterThan(0);
    expect(first.problems.length).toBeLessThan(200);
    for (const p of first.problems) expect(p.reason.vi && p.reason.en).toBeTruthy();
  });

  it('a second import changes nothing', async () => {
    const again = await importPhapdien(database.db, archive);
    expect(again.files.skipped).toBe(292);
    expect(again.counts).toEqual(first.counts);
    expect(again.checksum).toBe(first.checksum);
  }, 600_000);
});
