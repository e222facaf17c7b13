import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateInWords, numberInWords, toCertificateName } from './words.js';

// Ngày sinh in figures and in words; names in capitals (Luật Hộ tịch 2014 Đ14, TT 04/2020 Đ31).
describe('numberInWords', () => {
  it.each([
    [0, 'không'],
    [1, 'một'],
    [4, 'bốn'],
    [5, 'năm'],
    [10, 'mười'],
    [11, 'mười một'],
    [14, 'mười bốn'],
    [15, 'mười lăm'],
    [20, 'hai mươi'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi tư'],
    [25, 'hai mươi lăm'],
    [31, 'ba mươi mốt'],
    [55, 'năm mươi lăm'],
    [99, 'chín mươi chín'],
    [100, 'một trăm'],
    [101, 'một trăm linh một'],
    [105, 'một trăm linh năm'],
    [110, 'một trăm mười'],
    [115, 'một trăm mười lăm'],
    [121, 'một trăm hai mươi mốt'],
    [1000, 'một nghìn'],
    [1900, 'một nghìn chín trăm'],
    [1905, 'một nghìn chín trăm linh năm'],
    [1945, 'một nghìn chín trăm bốn mươi lăm'],
    [1975, 'một nghìn chín trăm bảy mươi lăm'],
    [1999, 'một nghìn chín trăm chín mươi chín'],
    [2000, 'hai nghìn'],
    [2001, 'hai nghìn không trăm linh một'],
    [2004, 'hai nghìn không trăm linh bốn'],
    [2010, 'hai nghìn không trăm mười'],
    [2011, 'hai nghìn không trăm mười một'],
    [2015, 'hai nghìn không trăm mười lăm'],
    [2021, 'hai nghìn không trăm hai mươi mốt'],
    [2024, 'hai nghìn không trăm hai mươi tư'],
    [2025, 'hai nghìn không trăm hai mươi lăm'],
    [2100, 'hai nghìn một trăm'],
    [1_000_000, 'một triệu'],
    [1_250_000, 'một triệu hai trăm năm mươi nghìn'],
  ])('%i → %s', (n, words) => {
    expect(numberInWords(n)).toBe(words);
  });

  it('rejects negative and fractional numbers', () => {
    expect(() => numberInWords(-1)).toThrow();
    expect(() => numberInWords(1.5)).toThrow();
  });

  it('never writes "mươi một", "mươi năm" or "mười năm" and always reads 0 tens as "linh"', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), (n) => {
        const w = numberInWords(n);
        expect(w).not.toMatch(/mươi một|mươi năm|mười năm|mươi bốn|lẻ/);
        if (n >= 100 && n % 100 > 0 && n % 100 < 10) expect(w).toMatch(/ linh [a-zà-ỹ]+$/);
      }),
    );
  });
});

describe('dateInWords', () => {
  it.each([
    ['2001-09-05', 'Ngày năm, tháng chín, năm hai nghìn không trăm linh một'],
    ['1990-01-01', 'Ngày một, tháng một, năm một nghìn chín trăm chín mươi'],
    ['2024-04-24', 'Ngày hai mươi tư, tháng tư, năm hai nghìn không trăm hai mươi tư'],
    ['2015-10-15', 'Ngày mười lăm, tháng mười, năm hai nghìn không trăm mười lăm'],
    ['2011-11-11', 'Ngày mười một, tháng mười một, năm hai nghìn không trăm mười một'],
    ['2021-12-21', 'Ngày hai mươi mốt, tháng mười hai, năm hai nghìn không trăm hai mươi mốt'],
    ['1975-05-25', 'Ngày hai mươi lăm, tháng năm, năm một nghìn chín trăm bảy mươi lăm'],
    ['2000-02-29', 'Ngày hai mươi chín, tháng hai, năm hai nghìn'],
    ['2020-03-31', 'Ngày ba mươi mốt, tháng ba, năm hai nghìn không trăm hai mươi'],
    ['1968-06-10', 'Ngày mười, tháng sáu, năm một nghìn chín trăm sáu mươi tám'],
    ['2010-07-20', 'Ngày hai mươi, tháng bảy, năm hai nghìn không trăm mười'],
    ['1905-08-14', 'Ngày mười bốn, tháng tám, năm một nghìn chín trăm linh năm'],
  ])('%s → %s', (iso, words) => {
    expect(dateInWords(iso)).toBe(words);
  });

  it.each(['2001-02-29', '2001-13-01', '2001-00-10', '01/09/2001', '2001-9-5'])('rejects %s', (s) => {
    expect(() => dateInWords(s)).toThrow(/date/);
  });
});

describe('toCertificateName', () => {
  it('writes names in capitals with their diacritics', () => {
    expect(toCertificateName('Nguyễn Thị Huỳnh Như Ý')).toBe('NGUYỄN THỊ HUỲNH NHƯ Ý');
    expect(toCertificateName('  đặng   văn  đức ')).toBe('ĐẶNG VĂN ĐỨC');
    expect(toCertificateName('Trương Thị Thủy'.normalize('NFD'))).toBe('TRƯƠNG THỊ THỦY');
    expect(toCertificateName('Lê Thị Ỹ')).toBe('LÊ THỊ Ỹ');
  });
});
