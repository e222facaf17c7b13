import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addYears, ageOn, toDay, toIso } from './dates.js';

const isoDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('synthetic dates', () => {
  it('toIso(toDay(d)) is d', () => {
    fc.assert(
      fc.property(isoDate, (d) => {
        expect(toIso(toDay(d))).toBe(d);
      }),
    );
  });

  it('a person is exactly n years old n years after birth, and n − 1 the day before', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 100 }), (birth, n) => {
        const anniversary = addYears(birth, n);
        expect(ageOn(birth, anniversary)).toBe(n);
        expect(ageOn(birth, toIso(toDay(anniversary) - 1))).toBe(n - 1);
      }),
    );
  });

  it('29 February moves to 28 February in a common year', () => {
    expect(addYears('2000-02-29', 1)).toBe('2001-02-28');
    expect(addYears('2000-02-29', 4)).toBe('2004-02-29');
    expect(ageOn('2000-02-29', '2018-03-01')).toBe(18);
  });
});
