import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/helpers/db.js';
import { type Database, sql } from '../db/database.js';
import { parseCsvRecords } from './csv.js';
import { importAdminUnits } from './import.js';
import { demoUnitRecords, seedDemoUnits } from './seed.js';
import { DEMO_COMMUNES, DEMO_PROVINCE_CODE, DEMO_PROVINCES } from './seed-data.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const sharedFolder = path.resolve(repoRoot, '..', 'shared', 'data', 'admin-units');

describe('seedDemoUnits', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.close());

  it('gives 34 provinces and the 99 communes of Bắc Ninh, idempotently', async () => {
    const first = await seedDemoUnits(database.db);
    expect(first).toEqual({ inserted: 1 + 34 + 99, updated: 0, unchanged: 0 });
    const again = await seedDemoUnits(database.db);
    expect(again).toEqual({ inserted: 0, updated: 0, unchanged: 134 });
    const r = await sql<{ provinces: number; communes: number; xa: number; phuong: number }>`
      select (select count(*)::int from platform.admin_units where level = 'province') as provinces,
             (select count(*)::int from platform.admin_units where parent_id = '24') as communes,
             (select count(*)::int from platform.admin_units where parent_id = '24' and type = 'xã') as xa,
             (select count(*)::int from platform.admin_units where parent_id = '24' and type = 'phường') as phuong`.execute(
      database.db,
    );
    expect(r.rows[0]).toEqual({ provinces: 34, communes: 99, xa: 66, phuong: 33 });
    const kb =
      await sql`select full_name, path, valid_from from platform.admin_units where id = '09187'`.execute(
        database.db,
      );
    expect(kb.rows[0]).toEqual({
      full_name: 'Phường Kinh Bắc',
      path: '/VN/24/09187/',
      valid_from: '2025-07-01',
    });
  });

  it('has unique codes of the right shape', () => {
    const rows = demoUnitRecords();
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(DEMO_PROVINCES.every(([code]) => /^\d{2}$/.test(code))).toBe(true);
    expect(DEMO_COMMUNES.every(([code]) => /^\d{5}$/.test(code))).toBe(true);
    expect(DEMO_PROVINCE_CODE).toBe('24');
  });
});

describe('demo seed against the reference files', () => {
  let database: Database;
  let dir: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuphap-seed-'));
  });
  afterAll(async () => {
    await database?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('matches the CSV rows', () => {
    const read = (f: string) => parseCsvRecords(fs.readFileSync(path.join(sharedFolder, f), 'utf8')).records;
    const provinces = read('provinces_2025.csv').map((r) => [r.values.code, r.values.name, r.values.type]);
    expect(DEMO_PROVINCES).toEqual(provinces);
    const communes = read('communes_2025.csv')
      .filter((r) => r.values.province_code === '24')
      .map((r) => [r.values.code, r.values.name, r.values.type]);
    expect(DEMO_COMMUNES).toEqual(communes);
  });

  it('is what an import of the 2025 files writes, so a later import changes nothing in it', async () => {
    await seedDemoUnits(database.db);
    for (const f of ['provinces_2025.csv', 'communes_2025.csv']) {
      fs.copyFileSync(path.join(sharedFolder, f), path.join(dir, f));
    }
    const report = await importAdminUnits(database.db, dir);
    expect(report.rejected).toEqual([]);
    expect(report.written.units).toEqual({ inserted: 3321 - 99, updated: 0, unchanged: 1 + 34 + 99 });
  });
});
