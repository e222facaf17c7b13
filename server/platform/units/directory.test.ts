import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/helpers/db.js';
import { type Database, sql } from '../db/database.js';
import { compareVietnamese, foldVietnamese } from '../text/vietnamese.js';
import { importAdminUnits, loadUnitDirectory, seedDemoUnits, type UnitDirectory } from './index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const sharedFolder = path.resolve(repoRoot, '..', 'shared', 'data', 'admin-units');

const ids = (units: Array<{ id: string }>) => units.map((u) => u.id);

describe('unit directory on the demo seed', () => {
  let database: Database;
  let dir: UnitDirectory;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemoUnits(database.db);
    dir = await loadUnitDirectory(database.db);
  });
  afterAll(() => database?.close());

  it('gets units and answers isWithin along the tree', () => {
    expect(dir.get('24')).toMatchObject({
      name: 'Bắc Ninh',
      fullName: 'Tỉnh Bắc Ninh',
      level: 'province',
      path: '/VN/24/',
    });
    expect(dir.get('nope')).toBeUndefined();
    expect(dir.isWithin('09187', '24')).toBe(true);
    expect(dir.isWithin('09187', 'VN')).toBe(true);
    expect(dir.isWithin('24', '24')).toBe(true);
    expect(dir.isWithin('24', '09187')).toBe(false);
    expect(dir.isWithin('09187', '01')).toBe(false);
    expect(dir.isWithin('nope', 'VN')).toBe(false);
    expect(dir.isWithin('09187', 'nope')).toBe(false);
  });

  it('lists children sorted Vietnamese-wise and ancestors root first', () => {
    const kids = dir.children('24');
    expect(kids).toHaveLength(99);
    const names = kids.map((k) => k.name);
    expect(names).toEqual([...names].sort(compareVietnamese));
    expect(dir.children('VN')).toHaveLength(34);
    expect(dir.children('09187')).toEqual([]);
    expect(ids(dir.ancestors('09187'))).toEqual(['VN', '24']);
    expect(dir.ancestors('VN')).toEqual([]);
  });

  it('returns frozen records that callers cannot alter', () => {
    const u = dir.get('24')!;
    expect(() => {
      (u as { name: string }).name = 'x';
    }).toThrow();
  });

  it('sees new rows after reload', async () => {
    await sql`insert into platform.admin_units (id, code, level, type, name, full_name, parent_id, path, valid_from)
              values ('99999', '99999', 'commune', 'xã', 'Thử Nghiệm', 'Xã Thử Nghiệm', '24', '/VN/24/99999/', '2025-07-01')`.execute(
      database.db,
    );
    expect(dir.get('99999')).toBeUndefined();
    await dir.reload();
    expect(dir.isWithin('99999', '24')).toBe(true);
    expect(ids(dir.search('thu nghiem'))).toEqual(['99999']);
  });

  it('rejects a malformed asOf date', () => {
    expect(() => dir.children('VN', { asOf: '1/7/2025' })).toThrow(/YYYY-MM-DD/);
  });
});

describe('unit directory on the full reference data', () => {
  let database: Database;
  let dir: UnitDirectory;
  beforeAll(async () => {
    database = await createTestDatabase();
    await importAdminUnits(database.db, sharedFolder);
    const t0 = performance.now();
    dir = await loadUnitDirectory(database.db);
    console.info(`unit directory loaded in ${Math.round(performance.now() - t0)} ms`);
  }, 120_000);
  afterAll(() => database?.close());

  it('answers isWithin in both structures, never across provinces or eras', () => {
    expect(dir.isWithin('00070', '01')).toBe(true); // Phường Hoàn Kiếm in Hà Nội
    expect(dir.isWithin('00070', '24')).toBe(false);
    expect(dir.isWithin('09187', '24')).toBe(true);
    expect(dir.isWithin('o00001', 'o001')).toBe(true);
    expect(dir.isWithin('o00001', 'o01')).toBe(true);
    expect(dir.isWithin('o00001', '01')).toBe(false);
    expect(dir.isWithin('o00001', 'o02')).toBe(false);
  });

  it('filters children by date', () => {
    expect(dir.children('VN')).toHaveLength(34 + 63);
    expect(dir.children('VN', { asOf: '2025-07-01' })).toHaveLength(34);
    expect(dir.children('VN', { asOf: '2025-06-30' })).toHaveLength(63);
    expect(dir.children('o01', { asOf: '2025-07-01' })).toEqual([]);
    expect(dir.children('o318')).toEqual([]); // island district without communes
    expect(ids(dir.ancestors('o00001'))).toEqual(['VN', 'o01', 'o001']);
  });

  it('finds "hoa binh" whatever the diacritics and tone placement', () => {
    const hits = dir.search('hoa binh', { limit: 50 });
    const names = new Set(hits.map((u) => u.name));
    expect(names.has('Hòa Bình')).toBe(true); // 2025 spelling (Công văn 1027)
    expect(names.has('Hoà Bình')).toBe(true); // GSO spelling of the old province
    for (const u of hits) expect(foldVietnamese(u.fullName)).toMatch(/hoa.*binh|binh.*hoa/);
    // the words in that order come first
    expect(foldVietnamese(hits[0].name)).toBe('hoa binh');
    expect(ids(dir.search('Hòa Bình', { level: 'province' }))).toEqual(['o17']);
    expect(ids(dir.search('Hoà Bình', { level: 'province' }))).toEqual(['o17']);
    expect(ids(dir.search('hòa bình', { limit: 10 }))).toEqual(ids(dir.search('HOÀ BÌNH', { limit: 10 })));
    expect(dir.search('Tỉnh Hòa Bình', { limit: 1 })[0].id).toBe('o17');
    expect(dir.search('hoa binh', { asOf: '2025-07-01', level: 'province' })).toEqual([]);
  });

  it('ranks exact names first, current units before former ones', () => {
    expect(dir.search('Bắc Ninh', { limit: 2 }).map((u) => [u.id, u.level])).toEqual([
      ['24', 'province'],
      ['o27', 'province'],
    ]);
    expect(dir.search('dak lak', { level: 'province', limit: 1 })[0].fullName).toBe('Tỉnh Đắk Lắk');
    for (const q of ['m drak', "M'Drắk", 'M’Drắk', 'mdrak']) {
      expect(dir.search(q).map((u) => u.name)).toContain("M'Drắk");
    }
    expect(dir.search('   ')).toEqual([]);
    expect(dir.search('hoa', { limit: 5 })).toHaveLength(5);
  });

  it('searches by code', () => {
    expect(dir.search('00070')[0]).toMatchObject({ id: '00070', name: 'Hoàn Kiếm' });
    expect(ids(dir.search('24', { limit: 2 }))).toEqual(['24', 'o24']);
    expect(ids(dir.search('o00001', { limit: 1 }))).toEqual(['o00001']);
    expect(dir.search('0007', { level: 'commune', asOf: '2025-07-01' }).map((u) => u.id)).toContain('00070');
  });

  it('gives successors of pre-2025 units from the mapping', () => {
    expect(dir.successors('o00001').map((s) => [s.unit.fullName, s.portion, s.isSplit])).toEqual([
      ['Phường Hồng Hà', 'full', false],
    ]);
    const split = dir.successors('o00007');
    expect(split.length).toBeGreaterThan(1);
    expect(split.every((s) => s.isSplit && s.portion === 'partial')).toBe(true);
    expect(dir.successors('o318').map((s) => s.unit.fullName)).toEqual(['Đặc khu Bạch Long Vĩ']);
    // an old province is summarised by 2025 province
    expect(dir.successors('o17').map((s) => [s.unit.id, s.portion])).toEqual([['25', 'full']]);
    expect(dir.successors('00070')).toEqual([]);
    expect(dir.successors('nope')).toEqual([]);
  });

  it('searches fast', () => {
    const t0 = performance.now();
    for (let i = 0; i < 50; i++) dir.search('phuong hoa');
    expect((performance.now() - t0) / 50).toBeLessThan(50);
  });
});
