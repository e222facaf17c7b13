import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors/app-error.js';
import { builtinCalendar, createCalendar } from './calendar.js';
import { addDays, type LocalDate } from './local-date.js';
import type { CalendarOverride } from './rules.js';
import { readOfficialBreaks, readStatutoryRules } from './test-support.js';

const cal = builtinCalendar();
const rulesOnly = createCalendar({ builtinOverrides: [] });

function datesBetween(from: LocalDate, to: LocalDate): LocalDate[] {
  const out: LocalDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}
const offDays = (c: typeof cal, from: LocalDate, to: LocalDate) =>
  datesBetween(from, to).filter((d) => !c.isWorkingDay(d));

describe('statutory holidays (BLLĐ 2019 Đ112.1)', () => {
  it('has the holidays of holiday_rules_vn.json, 11 days in all', () => {
    const shared = readStatutoryRules();
    expect(shared.reduce((n, r) => n + r.days, 0)).toBe(11);
    const h = (date: LocalDate) => cal.holidayOn(date);
    expect(h('2026-01-01')).toMatchObject({ kind: 'holiday', holidayId: 'tet_duong_lich' });
    expect(h('2026-04-30')).toMatchObject({
      kind: 'holiday',
      holidayId: 'chien_thang',
      basis: 'Bộ luật Lao động số 45/2019/QH14, Điều 112 khoản 1 điểm c',
    });
    expect(h('2026-05-01')).toMatchObject({ kind: 'holiday', holidayId: 'quoc_te_lao_dong' });
    expect(h('2026-09-02')).toMatchObject({ kind: 'holiday', holidayId: 'quoc_khanh' });
    expect(h('2025-04-07')).toMatchObject({ kind: 'holiday', holidayId: 'gio_to_hung_vuong' });
    expect(h('2026-02-17')).toMatchObject({ kind: 'holiday', holidayId: 'tet_am_lich' });
  });

  it('gives a compensation day after a holiday on the weekly rest day (Đ111.3): Giỗ Tổ Sun 26/4/2026 → Mon 27/4', () => {
    expect(cal.holidayOn('2026-04-26')).toMatchObject({ kind: 'holiday', holidayId: 'gio_to_hung_vuong' });
    expect(cal.isWorkingDay('2026-04-27')).toBe(false);
    expect(cal.holidayOn('2026-04-27')).toMatchObject({
      kind: 'compensation',
      holidayId: 'gio_to_hung_vuong',
      basis: 'Bộ luật Lao động số 45/2019/QH14, Điều 111 khoản 3',
    });
    expect(cal.isWorkingDay('2026-04-28')).toBe(true);
    // 1/5/2027 is a Saturday: compensated on Monday 3/5/2027.
    expect(cal.holidayOn('2027-05-03')).toMatchObject({
      kind: 'compensation',
      holidayId: 'quoc_te_lao_dong',
    });
  });

  it('does not yet treat 24/11 (Ngày Văn hóa Việt Nam, pending) as a holiday', () => {
    expect(cal.isWorkingDay('2026-11-24')).toBe(true);
  });

  it('is effective-dated: under BLLĐ 2012 Quốc khánh was one day (2/9/2020 only)', () => {
    expect(cal.isWorkingDay('2020-09-02')).toBe(false);
    expect(cal.isWorkingDay('2020-09-01')).toBe(true);
    expect(cal.isWorkingDay('2020-09-03')).toBe(true);
    expect(cal.holidayOn('2020-09-02')?.basis).toContain('10/2012/QH13');
  });

  it('refuses dates before its coverage instead of guessing', () => {
    try {
      cal.isWorkingDay('2013-04-30');
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('VALIDATION');
    }
  });
});

describe('official decisions 2024–2026 (built-in)', () => {
  it('Tết Dương lịch 2026: off 1–4/1, Friday 2/1 swapped for Saturday 10/1 (CV 12729/VPCP-KGVX)', () => {
    expect(offDays(cal, '2025-12-31', '2026-01-05')).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-01-03',
      '2026-01-04',
    ]);
    expect(cal.holidayOn('2026-01-02')).toMatchObject({ kind: 'day_off', origin: 'builtin' });
    expect(cal.holidayOn('2026-01-02')?.basis).toContain('12729/VPCP-KGVX');
    expect(cal.dayInfo('2026-01-10')).toMatchObject({ working: true, reason: 'makeup_workday' });
  });

  it('Tết 2026: holiday days 16–20/2, break 14–22/2', () => {
    expect(offDays(cal, '2026-02-12', '2026-02-24')).toEqual(datesBetween('2026-02-14', '2026-02-22'));
    for (const d of datesBetween('2026-02-16', '2026-02-20')) {
      expect(cal.holidayOn(d)).toMatchObject({
        kind: 'holiday',
        holidayId: 'tet_am_lich',
        provisional: false,
      });
    }
  });

  it('Tết 2025: holiday days 27–31/1, break 25/1–2/2 (CV 8726/VPCP-KGVX)', () => {
    expect(offDays(cal, '2025-01-23', '2025-02-04')).toEqual(datesBetween('2025-01-25', '2025-02-02'));
    expect(cal.holidayOn('2025-01-27')?.basis).toContain('8726/VPCP-KGVX');
  });

  it('Quốc khánh 2025: 1/9 + 2/9; 2026: 1/9 + 2/9 with Monday 31/8 off and Saturday 22/8 worked', () => {
    expect(offDays(cal, '2025-08-28', '2025-09-04')).toEqual(datesBetween('2025-08-30', '2025-09-02'));
    expect(cal.holidayOn('2025-09-01')).toMatchObject({ kind: 'holiday', holidayId: 'quoc_khanh' });
    expect(offDays(cal, '2026-08-27', '2026-09-04')).toEqual(datesBetween('2026-08-29', '2026-09-02'));
    expect(cal.holidayOn('2026-08-31')).toMatchObject({ kind: 'day_off' });
    expect(cal.dayInfo('2026-08-22')).toMatchObject({ working: true, reason: 'makeup_workday' });
  });

  it('reproduces every break of holidays_official_2024_2026.json', () => {
    for (const e of readOfficialBreaks()) {
      const label = `${e.year} ${e.holiday}`;
      expect(offDays(cal, addDays(e.break_start, -1), addDays(e.break_end, 1)), label).toEqual(
        datesBetween(e.break_start, e.break_end),
      );
      for (const d of e.holiday_days) expect(cal.holidayOn(d), `${label} ${d}`).not.toBeNull();
      for (const s of e.swapped_workdays) {
        expect(cal.isWorkingDay(s.worked_instead), `${label} ${s.worked_instead}`).toBe(true);
        expect(cal.isWorkingDay(s.day_off), `${label} ${s.day_off}`).toBe(false);
      }
    }
  });

  it('lists the year for the admin page: every non-working weekday and worked weekend day', () => {
    const view = cal.yearView(2026).map((d) => `${d.date} ${d.reason}`);
    expect(view).toEqual([
      '2026-01-01 holiday',
      '2026-01-02 day_off',
      '2026-01-10 makeup_workday',
      '2026-02-16 holiday',
      '2026-02-17 holiday',
      '2026-02-18 holiday',
      '2026-02-19 holiday',
      '2026-02-20 holiday',
      '2026-04-27 compensation',
      '2026-04-30 holiday',
      '2026-05-01 holiday',
      '2026-08-22 makeup_workday',
      '2026-08-31 day_off',
      '2026-09-01 holiday',
      '2026-09-02 holiday',
    ]);
    expect(cal.yearView(2026).every((d) => d.name && d.basis)).toBe(true);
  });
});

describe('default patterns when no decision is entered', () => {
  it('Tết: 5 days from 29 tháng Chạp, matching the decisions of 2024 and 2026, marked provisional', () => {
    expect(offDays(rulesOnly, '2024-02-07', '2024-02-15')).toEqual(datesBetween('2024-02-08', '2024-02-14'));
    expect(offDays(rulesOnly, '2026-02-13', '2026-02-23')).toEqual(datesBetween('2026-02-14', '2026-02-22'));
    expect(rulesOnly.holidayOn('2026-02-16')).toMatchObject({ provisional: true, origin: 'default' });
    // 2027: 29 Chạp is Friday 5/2; 6–7/2 are the weekend, so compensation falls on 10–11/2.
    expect(offDays(cal, '2027-02-04', '2027-02-12')).toEqual(datesBetween('2027-02-05', '2027-02-11'));
    expect(cal.yearView(2027).filter((d) => d.provisional).length).toBeGreaterThan(0);
  });

  it('Quốc khánh: the adjacent day that joins the weekend, matching 2024, 2025 and 2026', () => {
    expect(rulesOnly.holidayOn('2024-09-03')).toMatchObject({ holidayId: 'quoc_khanh', provisional: true });
    expect(rulesOnly.holidayOn('2025-09-01')).toMatchObject({ holidayId: 'quoc_khanh', provisional: true });
    expect(rulesOnly.holidayOn('2026-09-01')).toMatchObject({ holidayId: 'quoc_khanh', provisional: true });
    // 2/9/2029 is a Sunday: both days fall on the weekend and move to Monday and Tuesday.
    expect(offDays(cal, '2029-08-31', '2029-09-05')).toEqual(datesBetween('2029-09-01', '2029-09-04'));
  });
});

describe('overrides entered by administrators', () => {
  const o = (
    date: string,
    kind: 'day_off' | 'workday',
    extra: Partial<CalendarOverride> = {},
  ): CalendarOverride => ({
    date,
    kind,
    name: 'Điều chỉnh thử',
    basis: 'Quyết định thử nghiệm',
    ...extra,
  });

  it('win over the built-in ones on the same date', () => {
    const c = createCalendar({ overrides: [o('2026-08-22', 'day_off'), o('2026-03-10', 'day_off')] });
    expect(c.isWorkingDay('2026-08-22')).toBe(false);
    expect(c.holidayOn('2026-03-10')).toMatchObject({
      kind: 'day_off',
      origin: 'stored',
      name: 'Điều chỉnh thử',
    });
  });

  it('a stored Tết decision replaces the built-in one for that year as a whole', () => {
    const tet = ['2026-02-13', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19'].map((d) =>
      o(d, 'day_off', { holidayId: 'tet_am_lich' }),
    );
    const c = createCalendar({ overrides: tet });
    expect(c.isWorkingDay('2026-02-20')).toBe(true);
    expect(c.holidayOn('2026-02-13')).toMatchObject({
      kind: 'holiday',
      holidayId: 'tet_am_lich',
      origin: 'stored',
    });
  });

  it('a decided Tết day on a weekend earns a compensation day; a stored 2/9 decision replaces the default', () => {
    const c = createCalendar({
      overrides: [
        ...['2027-02-04', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'].map((d) =>
          o(d, 'day_off', { holidayId: 'tet_am_lich' }),
        ),
        o('2027-09-01', 'day_off', { holidayId: 'quoc_khanh' }),
      ],
    });
    expect(offDays(c, '2027-02-03', '2027-02-12')).toEqual(datesBetween('2027-02-04', '2027-02-10'));
    expect(c.holidayOn('2027-02-10')).toMatchObject({ kind: 'compensation', provisional: false });
    expect(c.isWorkingDay('2027-09-01')).toBe(false);
    expect(c.isWorkingDay('2027-09-03')).toBe(true);
  });

  it('a workday override cancels a holiday', () => {
    const c = createCalendar({ overrides: [o('2026-04-30', 'workday')] });
    expect(c.isWorkingDay('2026-04-30')).toBe(true);
    expect(c.holidayOn('2026-04-30')).toBeNull();
    expect(c.yearView(2026).find((d) => d.date === '2026-04-30')).toMatchObject({
      reason: 'working_day',
      origin: 'stored',
    });
  });
});
