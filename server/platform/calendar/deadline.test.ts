import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../errors/app-error.js';
import { builtinCalendar, createCalendar } from './calendar.js';
import { endOfLocalDay, localDateOf, vnInstant } from './local-date.js';

// The server's own time zone must not matter: run these under zones far from UTC+7.
const originalTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/Los_Angeles';
});
afterAll(() => {
  process.env.TZ = originalTz;
});

const cal = builtinCalendar();
const at = vnInstant;

describe('the 15:00 rule (Luật Hộ tịch Đ5.3; NĐ 23/2015 Đ7; NĐ 61/2018 Đ18.2)', () => {
  it('runs in a process whose TZ is not Việt Nam', () => {
    expect(new Date('2026-03-06T12:00:00Z').getTimezoneOffset()).not.toBe(-420);
  });

  it('a file received at 15:01 on a Friday counts from Monday', () => {
    const receivedAt = at('2026-03-06', '15:01');
    expect(cal.countingStart(receivedAt)).toBe('2026-03-09');
    expect(cal.addWorkingDays(receivedAt, 3)).toBe('2026-03-12');
    expect(cal.sameDay(receivedAt)).toBe('2026-03-09');
  });

  it('a file received at 14:59 the same Friday counts from Friday (the receipt day itself is not counted)', () => {
    const receivedAt = at('2026-03-06', '14:59');
    expect(cal.countingStart(receivedAt)).toBe('2026-03-06');
    expect(cal.addWorkingDays(receivedAt, 3)).toBe('2026-03-11');
    expect(cal.sameDay(receivedAt)).toBe('2026-03-06');
  });

  it('15:00:00 exactly is not "after 15:00"; 15:00:01 is', () => {
    expect(cal.sameDay(at('2026-03-06', '15:00:00'))).toBe('2026-03-06');
    expect(cal.sameDay(at('2026-03-06', '15:00:01'))).toBe('2026-03-09');
  });

  it('a file filed on a Saturday counts from Monday', () => {
    const receivedAt = at('2026-03-07', '09:30');
    expect(cal.countingStart(receivedAt)).toBe('2026-03-09');
    expect(cal.addWorkingDays(receivedAt, 3)).toBe('2026-03-12');
    expect(cal.sameDay(receivedAt)).toBe('2026-03-09');
  });

  it('reads instants in UTC+7 whatever their notation (08:01Z is 15:01 in Hà Nội)', () => {
    expect(cal.countingStart(new Date('2026-03-06T08:01:00Z'))).toBe('2026-03-09');
    expect(cal.countingStart(new Date('2026-03-06T07:59:00Z'))).toBe('2026-03-06');
    // 23:30 UTC on Thursday is already Friday 06:30 in Việt Nam.
    expect(localDateOf(new Date('2026-03-05T23:30:00Z'))).toBe('2026-03-06');
  });

  it('takes a configurable cutoff (e.g. 16:00 for blocking notices)', () => {
    expect(cal.sameDay(at('2026-03-06', '15:30'), { cutoff: '16:00' })).toBe('2026-03-06');
    expect(cal.sameDay(at('2026-03-06', '16:01'), { cutoff: '16:00' })).toBe('2026-03-09');
    const late = createCalendar({ cutoff: '16:30' });
    expect(late.sameDay(at('2026-03-06', '16:15'))).toBe('2026-03-06');
  });
});

describe('working-day deadlines', () => {
  it('a 5-working-day deadline received Thursday 12/2/2026 spans the Tết break and ends Thursday 26/2', () => {
    expect(cal.addWorkingDays(at('2026-02-12', '10:00'), 5)).toBe('2026-02-26');
    expect(cal.countWorkingDays('2026-02-12', '2026-02-26')).toBe(5);
  });

  it('counts the 2026 make-up Saturdays (10/1 and 22/8) as working days', () => {
    expect(cal.addWorkingDays(at('2026-01-09', '10:00'), 1)).toBe('2026-01-10');
    expect(cal.addWorkingDays(at('2026-08-21', '10:00'), 1)).toBe('2026-08-22');
    expect(cal.countWorkingDays('2026-01-09', '2026-01-12')).toBe(2);
    // New Year 2026: 1/1 holiday, 2/1 swapped, 3–4/1 weekend.
    expect(cal.addWorkingDays(at('2025-12-31', '10:00'), 2)).toBe('2026-01-06');
  });

  it('counts working days in [from, to) and negatively backwards', () => {
    expect(cal.countWorkingDays('2026-03-02', '2026-03-09')).toBe(5);
    expect(cal.countWorkingDays('2026-03-09', '2026-03-02')).toBe(-5);
    expect(cal.countWorkingDays('2026-03-02', '2026-03-02')).toBe(0);
  });

  it('accepts a plain local date as a receipt during office hours', () => {
    expect(cal.addWorkingDays('2026-03-06', 0)).toBe('2026-03-06');
    expect(cal.addWorkingDays('2026-03-07', 0)).toBe('2026-03-09');
  });

  it('refuses negative, fractional or absurd amounts', () => {
    for (const n of [-1, 1.5, 100_000, Number.NaN]) {
      try {
        cal.addWorkingDays(at('2026-03-06', '10:00'), n);
        expect.unreachable();
      } catch (e) {
        expect(isAppError(e) && e.code).toBe('VALIDATION');
      }
    }
  });
});

describe('calendar-day deadlines (e.g. Phiếu LLTP ≤ 10 ngày, Luật LLTP Đ48)', () => {
  it('counts calendar days from the effective receipt; a due date on a holiday does not move by default', () => {
    // Received Tuesday 10/2/2026: 10 days later is Friday 20/2, a Tết day.
    expect(cal.addCalendarDays(at('2026-02-10', '09:00'), 10)).toBe('2026-02-20');
  });

  it('moves to the next working day when configured (BLDS 2015 Đ148.5)', () => {
    expect(cal.addCalendarDays(at('2026-02-10', '09:00'), 10, { rollForward: true })).toBe('2026-02-23');
    expect(createCalendar({ rollForward: true }).addCalendarDays(at('2026-02-10', '09:00'), 10)).toBe(
      '2026-02-23',
    );
  });

  it('after 15:00 or on a weekend starts from the next working day, unless told to use the raw date', () => {
    expect(cal.addCalendarDays(at('2026-03-06', '16:00'), 10)).toBe('2026-03-19');
    expect(cal.addCalendarDays(at('2026-03-06', '16:00'), 10, { fromEffectiveReceipt: false })).toBe(
      '2026-03-16',
    );
  });
});

describe('overdue', () => {
  it('a file received today is not overdue today, even just before midnight', () => {
    const receivedAt = at('2026-03-06', '09:00');
    const due = cal.sameDay(receivedAt);
    expect(due).toBe('2026-03-06');
    expect(cal.isOverdue(due, receivedAt)).toBe(false);
    expect(cal.isOverdue(due, at('2026-03-06', '23:59:59'))).toBe(false);
    expect(cal.isOverdue(due, endOfLocalDay(due))).toBe(false);
    expect(cal.isOverdue(due, at('2026-03-07', '00:00'))).toBe(true);
  });

  it('gives the same answers under another server TZ (UTC+14)', () => {
    const saved = process.env.TZ;
    process.env.TZ = 'Pacific/Kiritimati';
    try {
      expect(new Date('2026-03-06T12:00:00Z').getTimezoneOffset()).toBe(-840);
      const fresh = createCalendar();
      expect(fresh.countingStart(at('2026-03-06', '15:01'))).toBe('2026-03-09');
      expect(fresh.addWorkingDays(at('2026-02-12', '10:00'), 5)).toBe('2026-02-26');
      expect(fresh.isOverdue('2026-03-06', at('2026-03-06', '23:00'))).toBe(false);
    } finally {
      process.env.TZ = saved;
    }
  });
});
