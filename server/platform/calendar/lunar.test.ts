import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors/app-error.js';
import { fromDayNumber, toDayNumber, WEEKDAY_NAMES_VI, weekdayOf } from './local-date.js';
import {
  canChiOfYear,
  formatLunarVi,
  leapMonthOf,
  lunarMonthLength,
  lunarNewYear,
  lunarToSolar,
  solarToLunar,
} from './lunar.js';
import { readLunarTable, readOfficialBreaks } from './test-support.js';

const EN_WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

describe('Vietnamese lunar calendar (Hồ Ngọc Đức, UTC+7)', () => {
  it('Tết Ất Tỵ 2025 is Wednesday 29/01/2025', () => {
    expect(lunarNewYear(2025)).toBe('2025-01-29');
    expect(weekdayOf('2025-01-29')).toBe(3);
  });

  it('Tết Bính Ngọ 2026 is Tuesday 17/02/2026', () => {
    expect(lunarNewYear(2026)).toBe('2026-02-17');
    expect(solarToLunar('2026-02-17')).toEqual({ year: 2026, month: 1, day: 1, leap: false });
  });

  it('Giỗ Tổ Hùng Vương (10/3 âm lịch, BLLĐ 2019 Đ112.1.e) is 07/04/2025 and 26/04/2026', () => {
    expect(lunarToSolar({ year: 2025, month: 3, day: 10, leap: false })).toBe('2025-04-07');
    expect(lunarToSolar({ year: 2026, month: 3, day: 10, leap: false })).toBe('2026-04-26');
  });

  it('uses UTC+7, not the Chinese UTC+8: Tết 1985 is 21/01/1985 in Việt Nam', () => {
    expect(lunarNewYear(1985)).toBe('1985-01-21');
  });

  it('matches the 2020–2035 table of the holidays README', () => {
    const rows = readLunarTable();
    expect(rows.map((r) => r.year)).toEqual(Array.from({ length: 16 }, (_, i) => 2020 + i));
    for (const r of rows) {
      expect(lunarNewYear(r.year), `Tết ${r.year}`).toBe(r.tet);
      expect(EN_WEEKDAYS[weekdayOf(r.tet)]).toBe(r.weekdays.tet);
      expect(solarToLunar(r.lastDayOfYear), `last day before Tết ${r.year}`).toEqual({
        year: r.year - 1,
        month: 12,
        day: r.lastDayLunar,
        leap: false,
      });
      expect(lunarMonthLength(r.year - 1, 12)).toBe(r.lastDayLunar);
      expect(lunarToSolar({ year: r.year, month: 3, day: 10, leap: false }), `Giỗ Tổ ${r.year}`).toBe(
        r.gioTo,
      );
      expect(EN_WEEKDAYS[weekdayOf(r.gioTo)]).toBe(r.weekdays.gioTo);
    }
  });

  it('agrees with the lunar new year of each announced Tết break', () => {
    for (const e of readOfficialBreaks().filter((x) => x.lunar_new_year)) {
      expect(lunarNewYear(e.year)).toBe(e.lunar_new_year);
    }
  });

  it('agrees with the lunar dates quoted by the press (28 Chạp = 27/1/2025, mùng 6 = 22/2/2026)', () => {
    expect(solarToLunar('2025-01-27')).toEqual({ year: 2024, month: 12, day: 28, leap: false });
    expect(solarToLunar('2026-02-14')).toEqual({ year: 2025, month: 12, day: 27, leap: false });
    expect(solarToLunar('2026-02-22')).toEqual({ year: 2026, month: 1, day: 6, leap: false });
    expect(solarToLunar('2024-02-08')).toEqual({ year: 2023, month: 12, day: 29, leap: false });
  });

  it('finds leap months (2020: 4, 2023: 2, 2025: 6, 2033: 11) and converts them both ways', () => {
    expect(leapMonthOf(2020)).toBe(4);
    expect(leapMonthOf(2023)).toBe(2);
    expect(leapMonthOf(2025)).toBe(6);
    expect(leapMonthOf(2033)).toBe(11);
    expect(leapMonthOf(2024)).toBeNull();
    expect(leapMonthOf(2026)).toBeNull();
    const leap = lunarToSolar({ year: 2025, month: 6, day: 1, leap: true });
    const plain = lunarToSolar({ year: 2025, month: 6, day: 1, leap: false });
    expect(toDayNumber(leap) - toDayNumber(plain)).toBeGreaterThanOrEqual(29);
    expect(solarToLunar(leap)).toEqual({ year: 2025, month: 6, day: 1, leap: true });
    // Leap month 11 of 2033 lies in December 2033 but belongs to lunar year 2033.
    const leap11 = lunarToSolar({ year: 2033, month: 11, day: 1, leap: true });
    expect(leap11.startsWith('2033-12')).toBe(true);
  });

  it('refuses dates that do not exist', () => {
    const refuse = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return isAppError(e) && e.code === 'VALIDATION';
      }
      return false;
    };
    expect(lunarMonthLength(2023, 12)).toBe(30);
    expect(lunarMonthLength(2024, 12)).toBe(29);
    expect(refuse(() => lunarToSolar({ year: 2024, month: 12, day: 30, leap: false }))).toBe(true);
    expect(refuse(() => lunarToSolar({ year: 2026, month: 6, day: 1, leap: true }))).toBe(true);
    expect(refuse(() => lunarToSolar({ year: 2026, month: 13, day: 1, leap: false }))).toBe(true);
    expect(refuse(() => solarToLunar('2026-02-30'))).toBe(true);
    expect(refuse(() => solarToLunar('1700-01-01'))).toBe(true);
    expect(refuse(() => lunarNewYear(2300))).toBe(true);
  });

  it('round-trips every day from 1900 to 2100 and advances one lunar day at a time', () => {
    const first = toDayNumber('1900-01-01');
    const last = toDayNumber('2100-12-31');
    let previous = solarToLunar(fromDayNumber(first - 1));
    for (let day = first; day <= last; day++) {
      const date = fromDayNumber(day);
      const lunar = solarToLunar(date);
      if (lunarToSolar(lunar) !== date) throw new Error(`round trip failed on ${date}`);
      const continues =
        lunar.day === previous.day + 1 && lunar.month === previous.month && lunar.leap === previous.leap;
      const newMonth = lunar.day === 1 && (previous.day === 29 || previous.day === 30);
      if (!continues && !newMonth) throw new Error(`discontinuity on ${date}`);
      previous = lunar;
    }
  });

  it('names years and lunar dates in Vietnamese', () => {
    expect(canChiOfYear(2024)).toBe('Giáp Thìn');
    expect(canChiOfYear(2025)).toBe('Ất Tỵ');
    expect(canChiOfYear(2026)).toBe('Bính Ngọ');
    expect(formatLunarVi(solarToLunar('2026-02-16'))).toBe('29 tháng Chạp năm Ất Tỵ');
    expect(formatLunarVi(solarToLunar('2026-02-17'))).toBe('mùng 1 tháng Giêng năm Bính Ngọ');
    expect(WEEKDAY_NAMES_VI[weekdayOf('2026-02-17')]).toBe('Thứ Ba');
  });
});
