import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/helpers/db.js';
import { type Database, sql } from '../db/database.js';
import { importAdminUnits } from './import.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const sharedFolder = path.resolve(repoRoot, '..', 'shared', 'data', 'admin-units');

const count = async (db: Database['db'], where: ReturnType<typeof sql>) =>
  (await sql<{ n: number }>`select count(*)::int as n from platform.admin_units where ${where}`.execute(db))
    .rows[0].n;

/** A digest of both tables, to prove a re-import changes nothing. */
const digest = async (db: Database['db']) =>
  (
    await sql<{ u: string; m: string }>`
      select (select md5(string_agg(a::text, '|' order by id)) from platform.admin_units a) as u,
             (select md5(string_agg(m::text, '|' order by old_id, new_id)) from platform.admin_unit_mapping m) as m`.execute(
      db,
    )
  ).rows[0];

describe('importAdminUnits with the full reference data', () => {
  let database: Database;
  let report: Awaited<ReturnType<typeof importAdminUnits>>;
  const stages = new Set<string>();

  beforeAll(async () => {
    database = await createTestDatabase();
    report = await importAdminUnits(database.db, sharedFolder, { onProgress: (p) => stages.add(p.stage) });
    console.info(
      `admin units: ${report.written.units.inserted} units + ${report.written.mappings.inserted} mapping rows imported in ${report.durationMs} ms`,
    );
  }, 120_000);
  afterAll(() => database?.close());

  it('imports every row, rejects none, in a few seconds', () => {
    expect(report.rejected).toEqual([]);
    expect(report.missing).toEqual([]);
    expect(report.accepted).toEqual({
      current: { province: 34, district: 0, commune: 3321 },
      former: { province: 63, district: 696, commune: 10047 },
      mappings: 10604,
    });
    expect(report.written.units).toEqual({
      inserted: 1 + 34 + 3321 + 63 + 696 + 10047,
      updated: 0,
      unchanged: 0,
    });
    expect(report.written.mappings).toEqual({ inserted: 10604, updated: 0, unchanged: 0 });
    expect(report.durationMs).toBeLessThan(20_000);
    expect([...stages]).toEqual(['read', 'check', 'units', 'mappings', 'done']);
  });

  it('stores the 2025 structure: 34 provinces, 3,321 communes by type', async () => {
    const db = database.db;
    expect(await count(db, sql`level = 'province' and valid_to is null`)).toBe(34);
    const types = await sql<{ type: string; n: number }>`
      select type, count(*)::int as n from platform.admin_units
      where level = 'commune' and valid_from = '2025-07-01' group by type order by type`.execute(db);
    expect(Object.fromEntries(types.rows.map((r) => [r.type, r.n]))).toEqual({
      xã: 2621,
      phường: 687,
      'đặc khu': 13,
    });
    expect(await count(db, sql`level = 'commune' and parent_id = '24'`)).toBe(99);
    const hk = await sql`select * from platform.admin_units where id = '00070'`.execute(db);
    expect(hk.rows[0]).toMatchObject({
      code: '00070',
      level: 'commune',
      type: 'phường',
      name: 'Hoàn Kiếm',
      full_name: 'Phường Hoàn Kiếm',
      parent_id: '01',
      path: '/VN/01/00070/',
      valid_from: '2025-07-01',
      valid_to: null,
      province_code: '01',
    });
  });

  it('stores the pre-2025 structure with o-prefixed ids', async () => {
    const db = database.db;
    expect(await count(db, sql`level = 'province' and valid_to = '2025-06-30'`)).toBe(63);
    expect(await count(db, sql`level = 'district'`)).toBe(696);
    expect(await count(db, sql`level = 'commune' and valid_to = '2025-06-30'`)).toBe(10047);
    const pxa = await sql`select * from platform.admin_units where id = 'o00001'`.execute(db);
    expect(pxa.rows[0]).toMatchObject({
      code: '00001',
      name: 'Phúc Xá',
      full_name: 'Phường Phúc Xá',
      type: 'phường',
      parent_id: 'o001',
      path: '/VN/o01/o001/o00001/',
      valid_to: '2025-06-30',
    });
    const hn = await sql`select name, type from platform.admin_units where id = 'o01'`.execute(db);
    expect(hn.rows[0]).toEqual({ name: 'Hà Nội', type: 'thành phố' });
    // numbered units keep their type word; names keep the source spelling
    const p5 = await sql`select name from platform.admin_units where id = 'o27046'`.execute(db);
    expect(p5.rows[0]).toEqual({ name: 'Phường 5' });
    const hb = await sql`select full_name from platform.admin_units where id = 'o17'`.execute(db);
    expect(hb.rows[0]).toEqual({ full_name: 'Tỉnh Hoà Bình' });
  });

  it('keeps the 5 island districts as district rows without communes, mapped as a whole', async () => {
    const islands = await sql<{ id: string; name: string; kids: number; targets: string }>`
      select d.id, d.name,
             (select count(*)::int from platform.admin_units c where c.parent_id = d.id) as kids,
             (select string_agg(new_id, ',') from platform.admin_unit_mapping m where m.old_id = d.id) as targets
      from platform.admin_units d
      where d.level = 'district' and not exists (select 1 from platform.admin_units c where c.parent_id = d.id)
      order by d.id`.execute(database.db);
    expect(islands.rows.map((r) => [r.name, r.kids, r.targets])).toEqual([
      ['Bạch Long Vĩ', 0, '11948'],
      ['Cồn Cỏ', 0, '19742'],
      ['Hoàng Sa', 0, '20333'],
      ['Lý Sơn', 0, '21548'],
      ['Côn Đảo', 0, '26732'],
    ]);
  });

  it('stores the mapping: 10,604 rows, 460 old communes mapped to several', async () => {
    const r = await sql<{ total: number; split_old: number; split_rows: number; unmapped: number }>`
      select (select count(*)::int from platform.admin_unit_mapping) as total,
             (select count(distinct old_id)::int from platform.admin_unit_mapping where is_split) as split_old,
             (select count(*)::int from platform.admin_unit_mapping where is_split) as split_rows,
             (select count(*)::int from platform.admin_units u where u.level = 'commune' and u.valid_to is not null
                and not exists (select 1 from platform.admin_unit_mapping m where m.old_id = u.id)) as unmapped`.execute(
      database.db,
    );
    expect(r.rows[0]).toEqual({ total: 10604, split_old: 460, split_rows: 1012, unmapped: 0 });
  });

  it('changes nothing when imported again', async () => {
    const before = await digest(database.db);
    const again = await importAdminUnits(database.db, sharedFolder);
    expect(again.written.units).toEqual({ inserted: 0, updated: 0, unchanged: 14162 });
    expect(again.written.mappings).toEqual({ inserted: 0, updated: 0, unchanged: 10604 });
    expect(await digest(database.db)).toEqual(before);
  }, 60_000);
});

describe('importAdminUnits with malformed or partial folders', () => {
  let database: Database;
  let dir: string;
  const write = (folder: string, file: string, lines: string[]) => {
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, file), `${lines.join('\r\n')}\r\n`);
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuphap-units-'));
  });
  afterAll(async () => {
    await database?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports bad rows with file, line and reason and imports the rest', async () => {
    const folder = path.join(dir, 'bad');
    write(folder, 'provinces_2025.csv', [
      '\ufeffcode,name,full_name,type,commune_count,xa_count,phuong_count,dac_khu_count',
      '24,Bắc Ninh,Tỉnh Bắc Ninh,tỉnh,99,66,33,0',
      'X1,Hư Cấu,Tỉnh Hư Cấu,tỉnh,0,0,0,0',
      '25,,Tỉnh Phú Thọ,tỉnh,0,0,0,0',
    ]);
    write(folder, 'communes_2025.csv', [
      'code,name,full_name,type,province_code,province_name',
      '07420,Xương Giang,Phường Xương Giang,phường,24,Bắc Ninh',
      '0742,Sai Mã,Xã Sai Mã,xã,24,Bắc Ninh',
      '09187,Kinh Bắc,Phường Kinh Bắc,phường,99,Không Có',
      '"09190","Võ Cường, ""mới""",Phường Võ Cường,phường,24,Bắc Ninh',
      '09191,Thiếu Cột,Xã Thiếu Cột,xã',
      '09192,Lạ,Thôn Lạ,thôn,24,Bắc Ninh',
      '07420,Xương Giang,Phường Xương Giang,phường,24,Bắc Ninh',
    ]);
    const report = await importAdminUnits(database.db, folder);
    expect(report.files).toEqual(['provinces_2025.csv', 'communes_2025.csv']);
    expect(report.missing).toEqual(['units_pre2025.csv', 'mapping_pre2025_to_2025.csv']);
    expect(report.accepted.current).toEqual({ province: 1, district: 0, commune: 2 });
    const seen = report.rejected.map((r) => [r.file, r.line, r.reason.en]);
    expect(seen).toEqual([
      ['provinces_2025.csv', 3, 'Invalid province code "X1" (2 digits expected)'],
      ['provinces_2025.csv', 4, 'Missing value in column name'],
      ['communes_2025.csv', 3, 'Invalid commune code "0742" (5 digits expected)'],
      ['communes_2025.csv', 4, 'Unknown 2025 province "99"'],
      ['communes_2025.csv', 6, 'Unreadable CSV row: expected 6 fields, found 4'],
      ['communes_2025.csv', 7, 'Unknown commune type "thôn"'],
      ['communes_2025.csv', 8, 'Duplicate unit "07420" (first on line 2)'],
    ]);
    expect(report.rejected[3].reason.vi).toBe('Không có tỉnh/thành phố mã "99" (danh mục 2025)');
    const names = await sql<{ id: string; name: string; path: string }>`
      select id, name, path from platform.admin_units where level = 'commune' order by id`.execute(
      database.db,
    );
    expect(names.rows).toEqual([
      { id: '07420', name: 'Xương Giang', path: '/VN/24/07420/' },
      { id: '09190', name: 'Võ Cường, "mới"', path: '/VN/24/09190/' },
    ]);
  });

  it('takes parents from an earlier import and checks mapping rows', async () => {
    const folder = path.join(dir, 'old');
    write(folder, 'units_pre2025.csv', [
      'province_code,province_name,province_type,district_code,district_name,district_type,commune_code,commune_name,type',
      '24,Tỉnh Bắc Giang,Tỉnh,213,Thành phố Bắc Giang,Thành phố,07210,Phường Thọ Xương,Phường',
      '24,Tỉnh Bắc Giang,Tỉnh,213,Thành phố Bắc Giang,Thành phố,07213,Phường Xương Giang,Phường',
      '24,Tỉnh Bắc Giang,Tỉnh,213,Thành phố Bắc Giang,Huyện,07216,Phường Ngô Quyền,Phường',
      '31,Thành phố Hải Phòng,Thành phố Trung ương,318,Huyện Bạch Long Vĩ,Huyện,,,',
    ]);
    write(folder, 'mapping_pre2025_to_2025.csv', [
      'old_province_code,old_province_name,old_district_code,old_district_name,old_commune_code,old_commune_name,new_commune_code,new_commune_name,new_province_code,new_province_name,portion,is_split,n_targets,mapping_level',
      '24,Tỉnh Bắc Giang,213,Thành phố Bắc Giang,07210,Phường Thọ Xương,07420,Phường Xương Giang,24,Bắc Ninh,full,0,1,commune',
      '24,Tỉnh Bắc Giang,213,Thành phố Bắc Giang,07213,Phường Xương Giang,07420,Phường Xương Giang,24,Bắc Ninh,half,0,1,commune',
      '24,Tỉnh Bắc Giang,213,Thành phố Bắc Giang,07299,Phường Không Có,07420,Phường Xương Giang,24,Bắc Ninh,full,0,1,commune',
      '24,Tỉnh Bắc Giang,213,Thành phố Bắc Giang,07213,Phường Xương Giang,09999,Phường Không Có,24,Bắc Ninh,full,0,1,commune',
      '31,Thành phố Hải Phòng,318,Huyện Bạch Long Vĩ,,,09190,Phường Võ Cường,24,Bắc Ninh,full,0,1,district',
    ]);
    const report = await importAdminUnits(database.db, folder);
    expect(report.accepted.former).toEqual({ province: 2, district: 2, commune: 2 });
    expect(report.accepted.mappings).toBe(2);
    expect(report.rejected.map((r) => [r.file, r.line, r.reason.en])).toEqual([
      ['units_pre2025.csv', 4, 'The district "213" differs from earlier rows (type: "huyện" ≠ "thành phố")'],
      ['mapping_pre2025_to_2025.csv', 3, 'portion must be full or partial, not "half"'],
      ['mapping_pre2025_to_2025.csv', 4, 'Unknown pre-2025 commune "07299"'],
      ['mapping_pre2025_to_2025.csv', 5, 'Unknown 2025 commune "09999"'],
    ]);
    const island = await sql`select path, name from platform.admin_units where id = 'o318'`.execute(
      database.db,
    );
    expect(island.rows[0]).toEqual({ path: '/VN/o31/o318/', name: 'Bạch Long Vĩ' });
  });

  it('fails clearly on a folder without any reference file', async () => {
    const empty = path.join(dir, 'empty');
    fs.mkdirSync(empty);
    await expect(importAdminUnits(database.db, empty)).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(importAdminUnits(database.db, path.join(dir, 'nope'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
