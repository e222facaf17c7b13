import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/helpers/db.js';
import { type Database, sql } from '../../platform/db/database.js';
import { importPhapdien } from './index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const archive = path.resolve(repoRoot, '..', 'shared', 'data', 'phapdien', 'bophapdien-export.tar.xz');

// Imports the real đề mục 15.3 Hộ tịch, taken from the export extracted into a temp folder.
describe('importPhapdien — đề mục 15.3 Hộ tịch', () => {
  let database: Database;
  let tmp: string;
  let folder: string;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'legal-test-'));
    execFileSync('tar', ['-xJf', archive, '-C', tmp]);
    const demuc = path.join(tmp, 'BoPhapDienDienTu', 'demuc');
    const file = fs
      .readdirSync(demuc)
      .find((f) =>
        /<h3[^>]*>\s*Đề mục 15\.3\s*<br/.test(fs.readFileSync(path.join(demuc, f), 'utf8').slice(0, 600)),
      );
    if (!file) throw new Error('đề mục 15.3 not found in the export');
    folder = path.join(tmp, 'only-15.3');
    fs.mkdirSync(path.join(folder, 'demuc'), { recursive: true });
    fs.copyFileSync(path.join(demuc, file), path.join(folder, 'demuc', file));
    database = await createTestDatabase();
  }, 120_000);

  afterAll(async () => {
    await database?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('imports 223 articles of Luật Hộ tịch and a re-import changes nothing', async () => {
    const first = await importPhapdien(database.db, folder);
    expect(first.files).toEqual({ seen: 1, imported: 1, skipped: 0 });
    expect(first.counts.articles).toBe(223);
    const doc = await sql<{
      title: string;
      issuer: string;
      issue_date: string;
      effective_date: string;
      vbpl_item_id: string;
    }>`
      select title, issuer, issue_date, effective_date, vbpl_item_id from legal.source_documents
      where number_symbol = '60/2014/QH13'`.execute(database.db);
    expect(doc.rows[0]).toMatchObject({
      title: 'Hộ tịch',
      issuer: 'Quốc hội',
      issue_date: '2014-11-20',
      effective_date: '2016-01-01',
    });
    const art = await sql<{
      number: string;
      source_article: string;
      effective_date: string;
      body_text: string;
    }>`
      select a.number, a.source_article, a.effective_date, a.body_text from legal.articles a
      join legal.de_muc d on d.id = a.de_muc_id where d.number = '15.3' order by a.ord limit 1`.execute(
      database.db,
    );
    expect(art.rows[0]).toMatchObject({
      number: 'Điều 15.3.LQ.1.',
      source_article: 'Điều 1',
      effective_date: '2016-01-01',
    });
    expect(art.rows[0].body_text.length).toBeGreaterThan(50);

    const again = await importPhapdien(database.db, folder);
    expect(again.files).toEqual({ seen: 1, imported: 0, skipped: 1 });
    expect(again.checksum).toBe(first.checksum);
    expect(again.counts).toEqual(first.counts);

    const forced = await importPhapdien(database.db, folder, { force: true });
    expect(forced.files.imported).toBe(1);
    expect(forced.checksum).toBe(first.checksum);
  });

  it('refuses what is not an export', async () => {
    await expect(importPhapdien(database.db, path.join(tmp, 'nothing-here'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      importPhapdien(database.db, path.join(tmp, 'BoPhapDienDienTu', 'lib')),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });
});
