import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinCalendar } from './calendar.js';
import { fromDayNumber, MS_PER_DAY, toDayNumber, VN_OFFSET_MS } from './local-date.js';
import { lunarToSolar, solarToLunar } from './lunar.js';

const cal = builtinCalendar();

const dayIn = (from: string, to: string) =>
  fc.integer({ min: toDayNumber(from), max: toDayNumber(to) }).map((n) => fromDayNumber(n));
/** Any instant from 2014 to 2099, seen from anywhere. */
const instant = fc
  .integer({ min: toDayNumber('2014-01-01'), max: toDayNumber('2099-12-31') })
  .chain((day) =>
    fc.integer({ min: 0, max: MS_PER_DAY - 1 }).map((ms) => new Date(day * MS_PER_DAY + ms - VN_OFFSET_MS)),
  );
const amount = fc.integer({ min: 0, max: 60 });

describe('properties of the deadline engine', () => {
  it('addWorkingDays always lands on a working day', () => {
    fc.assert(
      fc.property(instant, amount, (receivedAt, n) => {
        expect(cal.isWorkingDay(cal.addWorkingDays(receivedAt, n))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('countWorkingDays(d, addWorkingDays(d, n)) === n, for dates and for instants from their counting start', () => {
    fc.assert(
      fc.property(dayIn('2014-01-01', '2099-12-31'), amount, (d, n) => {
        expect(cal.countWorkingDays(d, cal.addWorkingDays(d, n))).toBe(n);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(instant, amount, (receivedAt, n) => {
        expect(cal.countWorkingDays(cal.countingStart(receivedAt), cal.addWorkingDays(receivedAt, n))).toBe(
          n,
        );
      }),
      { numRuns: 500 },
    );
  });

  it('is strictly increasing in n', () => {
    fc.assert(
      fc.property(instant, amount, fc.integer({ min: 1, max: 30 }), (receivedAt, n, extra) => {
        expect(cal.addWorkingDays(receivedAt, n) < cal.addWorkingDays(receivedAt, n + extra)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a later receipt never gives an earlier due date', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 30 * MS_PER_DAY }), amount, (a, delta, n) => {
        const b = new Date(a.getTime() + delta);
        expect(cal.addWorkingDays(a, n) <= cal.addWorkingDays(b, n)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('pauses never shorten a deadline, however many and however placed', () => {
    const spec = fc.record({
      unit: fc.constantFrom('working_days' as const, 'calendar_days' as const),
      amount: fc.integer({ min: 0, max: 30 }),
    });
    const gaps = fc.array(fc.integer({ min: 0, max: 20 * MS_PER_DAY }), { minLength: 2, maxLength: 8 });
    fc.assert(
      fc.property(spec, instant, gaps, (s, receivedAt, steps) => {
        let d = cal.startDeadline(s, receivedAt);
        let t = receivedAt.getTime();
        for (const [i, gap] of steps.entries()) {
          t += gap;
          const before = d.due;
          d = i % 2 === 0 ? cal.pauseDeadline(d, new Date(t)) : cal.resumeDeadline(d, new Date(t));
          expect(d.due >= before).toBe(true);
        }
        expect(d.due >= d.originalDue).toBe(true);
        for (const p of d.pauses) if (p.dueAfter) expect(p.dueAfter >= p.dueBefore).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('properties of the lunar calendar', () => {
  it('solar → lunar → solar round-trips over 1900–2100', () => {
    fc.assert(
      fc.property(dayIn('1900-01-01', '2100-12-31'), (d) => {
        const lunar = solarToLunar(d);
        expect(lunar.day).toBeGreaterThanOrEqual(1);
        expect(lunar.day).toBeLessThanOrEqual(30);
        expect(lunar.month).toBeGreaterThanOrEqual(1);
        expect(lunar.month).toBeLessThanOrEqual(12);
        expect(lunarToSolar(lunar)).toBe(d);
      }),
      { numRuns: 2000 },
    );
  });
});
