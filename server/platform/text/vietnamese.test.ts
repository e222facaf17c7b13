import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareVietnamese,
  compareVietnameseFallback,
  foldVietnamese,
  hasVietnameseCollation,
  normalizeVietnamese,
  tokenizeVietnamese,
} from './vietnamese.js';

const nfd = (s: string) => s.normalize('NFD');

/** Every letter of the Vietnamese alphabet with every tone, both cases. */
const BASES = 'aăâeêioôơuưy'.split('');
const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
const TONED = BASES.flatMap((b) => TONES.map((t) => (b + t).normalize('NFC')));
const LETTERS = [...TONED, ...'bcdđghklmnpqrstvx'.split('')];
const ALL_LETTERS = [...LETTERS, ...LETTERS.map((l) => l.toUpperCase())];

const vietnameseText = fc
  .array(fc.oneof(fc.constantFrom(...ALL_LETTERS), fc.constantFrom(' ', ' ', '-', "'", '’', '1')), {
    maxLength: 40,
  })
  .map((a) => a.join(''));

/** Plausible syllables written twice, with the tone on two (possibly different) vowels. */
const syllablePair = fc
  .record({
    initial: fc.constantFrom('', 'b', 'ch', 'gi', 'h', 'kh', 'ng', 'ngh', 'qu', 'th', 'tr', 'Đ', 'H', 'TH'),
    nucleus: fc.constantFrom(
      'a',
      'oa',
      'oe',
      'uy',
      'ua',
      'ia',
      'ươ',
      'uyê',
      'oai',
      'uya',
      'ai',
      'ưu',
      'iê',
      'Ô',
      'OA',
    ),
    final: fc.constantFrom('', 'n', 'ng', 'nh', 't', 'c', 'ch', 'm', 'p'),
    tone: fc.constantFrom('\u0300', '\u0301', '\u0303', '\u0309', '\u0323'),
    at1: fc.nat(),
    at2: fc.nat(),
  })
  .map(({ initial, nucleus, final, tone, at1, at2 }) => {
    const write = (at: number) => {
      const chars = Array.from(nucleus);
      const i = at % chars.length;
      chars[i] = (chars[i] + tone).normalize('NFC');
      return initial + chars.join('') + final;
    };
    return [write(at1), write(at2)] as const;
  });

describe('normalizeVietnamese', () => {
  it('makes old and new tone placement compare equal', () => {
    const pairs = [
      ['hoà', 'hòa'],
      ['thuỷ', 'thủy'],
      ['khoẻ', 'khỏe'],
      ['Hoà Bình', 'Hòa Bình'],
      ['Thanh Hoá', 'Thanh Hóa'],
      ['Khánh Hoà', 'Khánh Hòa'],
      ['HOÀ BÌNH', 'HÒA BÌNH'],
      ['Quỳnh Lưu', 'Quỳnh Lưu'],
    ];
    for (const [a, b] of pairs) expect(normalizeVietnamese(a)).toBe(normalizeVietnamese(b));
  });

  it('uses the new-style placement as the canonical form', () => {
    expect(normalizeVietnamese('Hòa Bình')).toBe('Hoà Bình');
    expect(normalizeVietnamese('thủy')).toBe('thuỷ');
    expect(normalizeVietnamese('khỏe')).toBe('khoẻ');
  });

  it('places tones by rule on other syllables', () => {
    const cases: Array<[string, string]> = [
      ['hòang', 'hoàng'], // closed syllable: last vowel
      ['toàn', 'toàn'],
      ['ngòai', 'ngoài'], // three vowels: middle
      ['khủyu', 'khuỷu'],
      ['ngươì', 'người'], // marked vowel takes the tone
      ['rựơu', 'rượu'],
      ['thuỳên', 'thuyền'],
      ['qúy', 'quý'], // qu- is an initial
      ['gìa', 'già'], // gi- is an initial before another vowel
      ['gìn', 'gìn'],
      ['múa', 'múa'], // ua: main vowel u
      ['núi', 'núi'],
      ['huýt', 'huýt'],
      ['Đắk Lắk', 'Đắk Lắk'],
    ];
    for (const [input, want] of cases) expect(normalizeVietnamese(input), input).toBe(want);
  });

  it('unifies apostrophes, eth and spaces and keeps case', () => {
    expect(normalizeVietnamese('  M’Đrắk\t ')).toBe("M'Đrắk");
    expect(normalizeVietnamese('\u00d0ồng Nai')).toBe('Đồng Nai');
    expect(normalizeVietnamese('Bà  Rịa - Vũng Tàu')).toBe('Bà Rịa - Vũng Tàu');
  });

  it('leaves non-Vietnamese words alone', () => {
    for (const w of ['café', 'naïve', 'Zürich', 'München', 'x\u0301yz', '北京']) {
      expect(normalizeVietnamese(w)).toBe(w.normalize('NFC'));
    }
  });

  it('is idempotent and independent of NFC/NFD input (property)', () => {
    fc.assert(
      fc.property(fc.oneof(vietnameseText, fc.string({ unit: 'grapheme' })), (s) => {
        const n = normalizeVietnamese(s);
        expect(normalizeVietnamese(n)).toBe(n);
        expect(normalizeVietnamese(nfd(s))).toBe(n);
        expect(n.normalize('NFC')).toBe(n);
      }),
      { numRuns: 500 },
    );
  });

  it('gives one form whatever vowel of the nucleus carries the tone (property)', () => {
    fc.assert(
      fc.property(syllablePair, ([a, b]) => {
        expect(normalizeVietnamese(a)).toBe(normalizeVietnamese(b));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('foldVietnamese', () => {
  it('removes tone and vowel marks, đ→d, lower case', () => {
    expect(foldVietnamese('Đắk Lắk')).toBe('dak lak');
    expect(foldVietnamese('Hòa Bình')).toBe('hoa binh');
    expect(foldVietnamese('Hoà Bình')).toBe('hoa binh');
    expect(foldVietnamese('THỪA THIÊN HUẾ')).toBe('thua thien hue');
    expect(foldVietnamese('Ê-đê')).toBe('e-de');
  });

  it('is idempotent, NFC/NFD-independent, and agrees with normalize (property)', () => {
    fc.assert(
      fc.property(fc.oneof(vietnameseText, fc.string({ unit: 'grapheme' })), (s) => {
        const f = foldVietnamese(s);
        expect(foldVietnamese(f)).toBe(f);
        expect(foldVietnamese(nfd(s))).toBe(f);
        expect(foldVietnamese(normalizeVietnamese(s))).toBe(f);
      }),
      { numRuns: 500 },
    );
  });

  it('folds Vietnamese letters to ASCII (property)', () => {
    fc.assert(
      fc.property(vietnameseText, (s) => {
        expect(foldVietnamese(s)).toMatch(/^[\x20-\x7e]*$/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('tokenizeVietnamese', () => {
  it('splits syllables and drops punctuation', () => {
    expect(tokenizeVietnamese('Bà Rịa – Vũng Tàu, Phường 5')).toEqual([
      'Bà',
      'Rịa',
      'Vũng',
      'Tàu',
      'Phường',
      '5',
    ]);
    expect(tokenizeVietnamese('Xã M’Đrắk')).toEqual(['Xã', "M'Đrắk"]);
    expect(tokenizeVietnamese(nfd('Hòa Bình'))).toEqual(['Hòa', 'Bình']);
    expect(tokenizeVietnamese('  ')).toEqual([]);
  });
});

describe('compareVietnamese', () => {
  const words = [
    'Đồng Nai',
    'Dương',
    'An Giang',
    'Ăn',
    'Âu',
    'Bắc Ninh',
    'Bạc Liêu',
    'Ba Đình',
    'Phường 10',
    'Phường 2',
  ];
  const expected = [
    'An Giang',
    'Ăn',
    'Âu',
    'Ba Đình',
    'Bạc Liêu',
    'Bắc Ninh',
    'Dương',
    'Đồng Nai',
    'Phường 2',
    'Phường 10',
  ];

  it('sorts in Vietnamese alphabetical order, numbers by value', () => {
    expect(hasVietnameseCollation).toBe(true);
    expect([...words].sort(compareVietnamese)).toEqual(expected);
  });

  it('has a fallback that needs no ICU data and agrees on these names', () => {
    expect([...words].sort(compareVietnameseFallback)).toEqual(expected);
    expect(['hỏa', 'hóa', 'hoa', 'hòa', 'họa', 'hõa'].sort(compareVietnameseFallback)).toEqual([
      'hoa',
      'hòa',
      'hỏa',
      'hõa',
      'hóa',
      'họa',
    ]);
  });

  it('sorts both tone placements together and is a total order (property)', () => {
    expect(compareVietnamese('Hòa Bình', 'Hoà Bình')).not.toBe(0);
    expect(compareVietnamese('Hòa Bình', 'Hoà Bình') + compareVietnamese('Hoà Bình', 'Hòa Bình')).toBe(0);
    fc.assert(
      fc.property(vietnameseText, vietnameseText, (a, b) => {
        for (const cmp of [compareVietnamese, compareVietnameseFallback]) {
          expect(Math.sign(cmp(a, b)) + Math.sign(cmp(b, a))).toBe(0);
          expect(cmp(a, b) === 0).toBe(a === b);
        }
      }),
      { numRuns: 300 },
    );
  });
});
