import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/helpers/db.js';
import type { Database } from '../db/database.js';
import { isAppError } from '../errors/app-error.js';
import {
  addOverride,
  listOverrides,
  loadCalendar,
  type NewOverride,
  removeOverride,
  yearView,
} from './repository.js';

const admin = 'admin-test';
const entry = (date: string, extra: Partial<NewOverride> = {}): NewOverride => ({
  date,
  kind: 'day_off',
  name: 'Nghỉ hoán đổi',
  basis: 'Công văn thử nghiệm số 1/VPCP-KGVX',
  createdBy: admin,
  ...extra,
});

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'none';
  } catch (e) {
    return isAppError(e) ? e.code : `other: ${(e as Error).message}`;
  }
}

describe('calendar overrides in platform.calendar_overrides', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('adds, lists and removes overrides, one per date', async () => {
    const db = database.db;
    const added = await addOverride(db, entry('2027-04-30', { kind: 'day_off', source: 'Báo Chính phủ' }));
    expect(added).toMatchObject({
      date: '2027-04-30',
      kind: 'day_off',
      holidayId: null,
      source: 'Báo Chính phủ',
      createdBy: admin,
    });
    expect(added.createdAt).toBeInstanceOf(Date);
    await addOverride(db, entry('2027-04-24', { kind: 'workday', name: 'Làm bù cho thứ Sáu 30/4/2027' }));
    expect(await code(addOverride(db, entry('2027-04-30')))).toBe('CONFLICT');

    expect((await listOverrides(db, { year: 2027 })).map((o) => o.date)).toEqual([
      '2027-04-24',
      '2027-04-30',
    ]);
    expect((await listOverrides(db, { from: '2027-04-25', to: '2027-12-31' })).map((o) => o.date)).toEqual([
      '2027-04-30',
    ]);
    expect(await listOverrides(db, { year: 2028 })).toEqual([]);

    const removed = await removeOverride(db, '2027-04-24');
    expect(removed.kind).toBe('workday');
    expect(await code(removeOverride(db, '2027-04-24'))).toBe('NOT_FOUND');
    await removeOverride(db, '2027-04-30');
  });

  it('validates what administrators enter', async () => {
    const db = database.db;
    expect(await code(addOverride(db, entry('2027-02-31')))).toBe('VALIDATION');
    expect(await code(addOverride(db, entry('2027-03-01', { basis: '  ' })))).toBe('VALIDATION');
    expect(await code(addOverride(db, entry('2027-03-01', { kind: 'holiday' as never })))).toBe('VALIDATION');
    expect(await code(addOverride(db, entry('2027-09-04', { holidayId: 'quoc_khanh' })))).toBe('VALIDATION');
    expect(await code(addOverride(db, entry('2027-06-01', { holidayId: 'tet_am_lich' })))).toBe('VALIDATION');
    expect(
      await code(addOverride(db, entry('2027-02-08', { holidayId: 'tet_am_lich', kind: 'workday' }))),
    ).toBe('VALIDATION');
    expect(await listOverrides(db)).toEqual([]);
  });

  it('builds the calendar from built-in and stored overrides, stored ones winning', async () => {
    const db = database.db;
    // Built-in: Saturday 22/8/2026 is a make-up workday. A stored row overrides it.
    await addOverride(db, entry('2026-08-22', { name: 'Hủy làm bù (thử nghiệm)' }));
    // Tết 2027 decided by the Prime Minister (a hypothetical decision, entered as stored rows).
    for (const date of ['2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10']) {
      await addOverride(db, entry(date, { holidayId: 'tet_am_lich', name: 'Tết Âm lịch Đinh Mùi' }));
    }
    const cal = await loadCalendar(db);
    expect(cal.isWorkingDay('2026-08-22')).toBe(false);
    expect(cal.isWorkingDay('2026-01-10')).toBe(true);
    expect(cal.holidayOn('2027-02-04')).toMatchObject({
      kind: 'holiday',
      holidayId: 'tet_am_lich',
      origin: 'stored',
    });
    expect(cal.isWorkingDay('2027-02-11')).toBe(true);

    const view = await yearView(db, 2027);
    const tet = view.filter((d) => d.holidayId === 'tet_am_lich');
    expect(tet.map((d) => d.date)).toEqual([
      '2027-02-04',
      '2027-02-05',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
    ]);
    expect(tet.every((d) => d.origin === 'stored' && d.provisional === false)).toBe(true);
  });

  it('works inside a transaction', async () => {
    await database.db.transaction().execute(async (tx) => {
      await addOverride(tx, entry('2027-12-31'));
      expect((await loadCalendar(tx)).isWorkingDay('2027-12-31')).toBe(false);
      await removeOverride(tx, '2027-12-31');
    });
    expect(await listOverrides(database.db, { year: 2027 })).toHaveLength(5);
  });
});
