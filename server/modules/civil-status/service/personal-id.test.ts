import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../platform/errors/app-error.js';
import {
  buildPersonalId,
  checkIdAgainst,
  inspectPersonalId,
  parsePersonalId,
  type Sex,
} from './personal-id.js';
import { ID_PROVINCE_TABLES, idProvinceCodeOf, idProvinceName } from './provinces.js';

const TODAY = '2026-11-23';
const parse = (s: string) => parsePersonalId(s, { today: TODAY });

describe('parsePersonalId — structure of NĐ 137/2015 Đ13 (de facto, domain rules §2)', () => {
  it('001 is Hà Nội; digit 4 = 0 is a man born in the 1900s', () => {
    const p = parse('001090012345');
    expect(p).toMatchObject({
      valid12Digits: true,
      normalized: '001090012345',
      provinceCode: '001',
      provinceName: 'Hà Nội',
      century: 19,
      sex: 'male',
      birthYearTwoDigits: '90',
      birthYear: 1990,
      random6: '012345',
      conforms: true,
      notes: [],
    });
  });

  it.each([
    ['079301000001', '079', 'TP HCM', 'female', 2001],
    ['079200999999', '079', 'TP HCM', 'male', 2000],
    ['027185123456', '027', 'Bắc Ninh', 'female', 1985],
    ['024099000000', '024', 'Bắc Giang', 'male', 1999],
    ['046325000001', '046', 'Thừa Thiên Huế', 'female', 2025],
    ['096100000001', '096', 'Cà Mau', 'female', 1900],
  ] as const)('%s → %s %s, %s, %i', (id, code, name, sex, year) => {
    const p = parse(id);
    expect([p.provinceCode, p.provinceName, p.sex, p.birthYear, p.conforms]).toEqual([
      code,
      name,
      sex,
      year,
      true,
    ]);
  });

  it('digits 2/3 are the 2000s, 0/1 the 1900s, 4/5 the 2100s', () => {
    expect(parse('001205000000').birthYear).toBe(2005);
    expect(parse('001305000000').sex).toBe('female');
    expect(parse('001005000000').birthYear).toBe(1905);
    expect(parsePersonalId('001405000000', { today: '2200-01-01' }).birthYear).toBe(2105);
  });

  it('keeps a 12-digit number that breaks the structure, with notes (unknown province)', () => {
    const p = parse('003090012345');
    expect(p.valid12Digits).toBe(true);
    expect(p.conforms).toBe(false);
    expect(p.provinceName).toBeNull();
    expect(p.notes[0].vi).toContain('003');
    expect(p.notes[0].en).toContain('still accepted');
  });

  it('keeps a number whose birth year is in the future, with a note', () => {
    const p = parse('001499000000');
    expect(p.birthYear).toBe(2199);
    expect(p.conforms).toBe(false);
    expect(p.notes).toHaveLength(1);
  });

  it('strips spaces, dots and dashes and folds full-width digits', () => {
    expect(parse(' 001 090-012.345 ').normalized).toBe('001090012345');
    expect(parse('０７９３０１０００００１').provinceName).toBe('TP HCM');
  });

  it.each(['', '12345678901', '1234567890123', '00109001234a', 'abcdefghijkl', '٠٠١٠٩٠٠١٢٣٤٥x'])(
    'rejects %j as VALIDATION with a Vietnamese and English message',
    (s) => {
      try {
        parse(s);
        expect.unreachable();
      } catch (e) {
        expect(isAppError(e) && e.code).toBe('VALIDATION');
        if (isAppError(e)) {
          expect(e.localized('vi')).toContain('12 chữ số');
          expect(e.localized('en')).toContain('12 digits');
        }
      }
    },
  );

  it('the table has the 63 pre-2025 provinces and its source', () => {
    const table = ID_PROVINCE_TABLES[0];
    expect(Object.keys(table.codes)).toHaveLength(63);
    expect(table.source).toMatch(/TT 07\/2016/);
    expect(idProvinceName('079')).toBe('TP HCM');
    expect(idProvinceCodeOf('27')).toBe('027');
    expect(idProvinceCodeOf('03')).toBeNull();
    expect(idProvinceCodeOf(null)).toBeNull();
  });
});

describe('parsePersonalId — properties', () => {
  it('inspect never throws on any string; parse throws only VALIDATION', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const p = inspectPersonalId(s, { today: TODAY });
        expect(p.valid12Digits).toBe(/^\d{12}$/.test(p.normalized));
        try {
          parse(s);
        } catch (e) {
          expect(isAppError(e) && e.code).toBe('VALIDATION');
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('every 12-digit string parses (never throws), conforming or not', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), (s) => {
        const p = parse(s);
        expect(p.valid12Digits).toBe(true);
        expect(p.conforms).toBe(p.notes.length === 0);
      }),
    );
  });

  const codes = Object.keys(ID_PROVINCE_TABLES[0].codes);
  it('every generated conforming ID parses back to its parts', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...codes),
        fc.constantFrom<Sex>('male', 'female'),
        fc.integer({ min: 1900, max: 2026 }),
        fc.integer({ min: 0, max: 999_999 }),
        (provinceCode, sex, birthYear, serial) => {
          const id = buildPersonalId({ provinceCode, sex, birthYear, serial });
          const p = parse(id);
          expect(p).toMatchObject({ provinceCode, sex, birthYear, conforms: true });
          expect(Number(p.random6)).toBe(serial);
          expect(checkIdAgainst(id, { sex, birthDate: `${birthYear}-06-01`, provinceCode })).toEqual([]);
        },
      ),
    );
  });
});

describe('checkIdAgainst', () => {
  it('reports sex, birth year and province mismatches as notes', () => {
    const notes = checkIdAgainst('027185123456', {
      sex: 'male',
      birthDate: '1986-02-03',
      provinceCode: '024',
    });
    expect(notes.map((n) => n.field)).toEqual(['sex', 'birthYear', 'province']);
    expect(notes[0].vi).toContain('nữ');
    expect(notes[1].en).toContain('1985');
  });

  it('returns a format note instead of throwing for a malformed number', () => {
    const notes = checkIdAgainst('12-34', { sex: 'female' });
    expect(notes).toHaveLength(1);
    expect(notes[0].field).toBe('format');
  });

  it('accepts a year as a number and ignores absent facts', () => {
    expect(checkIdAgainst('001090012345', { birthDate: 1990 })).toEqual([]);
    expect(checkIdAgainst('001090012345', {})).toEqual([]);
  });
});

describe('buildPersonalId', () => {
  it('rejects parts outside the structure', () => {
    expect(() => buildPersonalId({ provinceCode: '1', sex: 'male', birthYear: 2000, serial: 1 })).toThrow();
    expect(() => buildPersonalId({ provinceCode: '001', sex: 'male', birthYear: 1899, serial: 1 })).toThrow();
    expect(() =>
      buildPersonalId({ provinceCode: '001', sex: 'male', birthYear: 2000, serial: 1e6 }),
    ).toThrow();
  });
});
