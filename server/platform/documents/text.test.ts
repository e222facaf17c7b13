import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  formatVerificationCode,
  newVerificationCode,
  normalizeVerificationCode,
} from './codes.js';
import {
  dateInWords,
  formatDateFigures,
  maskId,
  maskName,
  numberInWords,
  pdfTextString,
  placeDateLine,
  toCivilDate,
  upperVi,
} from './text.js';

describe('Vietnamese numbers and dates', () => {
  it('writes numbers in words with mốt, tư, lăm, linh', () => {
    expect(numberInWords(0)).toBe('không');
    expect(numberInWords(10)).toBe('mười');
    expect(numberInWords(11)).toBe('mười một');
    expect(numberInWords(14)).toBe('mười bốn');
    expect(numberInWords(15)).toBe('mười lăm');
    expect(numberInWords(21)).toBe('hai mươi mốt');
    expect(numberInWords(24)).toBe('hai mươi tư');
    expect(numberInWords(25)).toBe('hai mươi lăm');
    expect(numberInWords(105)).toBe('một trăm linh năm');
    expect(numberInWords(1990)).toBe('một nghìn chín trăm chín mươi');
    expect(numberInWords(2000)).toBe('hai nghìn');
    expect(numberInWords(2005)).toBe('hai nghìn không trăm linh năm');
    expect(numberInWords(2026)).toBe('hai nghìn không trăm hai mươi sáu');
    expect(numberInWords(1_250_000)).toBe('một triệu hai trăm năm mươi nghìn');
    expect(() => numberInWords(-1)).toThrow();
  });

  it('writes a date in words', () => {
    expect(dateInWords('2026-03-05')).toBe('ngày năm, tháng ba, năm hai nghìn không trăm hai mươi sáu');
    expect(dateInWords('2024-04-24')).toBe(
      'ngày hai mươi tư, tháng tư, năm hai nghìn không trăm hai mươi tư',
    );
  });

  it('writes the place and date line with leading zeros for days < 10 and months 1–2', () => {
    expect(placeDateLine('Bắc Ninh', '2026-11-23')).toBe('Bắc Ninh, ngày 23 tháng 11 năm 2026');
    expect(placeDateLine('Tiên Du', '2026-02-05')).toBe('Tiên Du, ngày 05 tháng 02 năm 2026');
    expect(placeDateLine('Tiên Du', '2026-03-05')).toBe('Tiên Du, ngày 05 tháng 3 năm 2026');
  });

  it('takes the calendar day in Vietnam for a timestamp', () => {
    expect(toCivilDate(new Date('2026-11-22T17:30:00Z'))).toEqual({ year: 2026, month: 11, day: 23 });
    expect(formatDateFigures('2026-03-05')).toBe('05/03/2026');
    expect(() => toCivilDate('2026-02-30')).toThrow(/Invalid date/);
  });

  it('upper-cases without losing tone marks', () => {
    expect(upperVi('giấy khai sinh đã ký')).toBe('GIẤY KHAI SINH ĐÃ KÝ');
  });
});

describe('masking for the public verification answer', () => {
  it('keeps the first letter of each word, hides the length', () => {
    expect(maskName('NGUYỄN THỊ HUỲNH NHƯ Ý')).toBe('N*** T*** H*** N*** Ý***');
    expect(maskName('  Đỗ   Văn  Ân ')).toBe('Đ*** V*** Â***');
    // Decomposed input gives the same answer.
    expect(maskName('Ý'.normalize('NFD'))).toBe('Ý***');
  });

  it('shows only the last three characters of an identifier', () => {
    expect(maskId('027326001234')).toBe('*********234');
    expect(maskId('12345')).toBe('*****');
  });
});

describe('PDF text strings', () => {
  it('keeps ASCII literal and escapes parentheses', () => {
    expect(pdfTextString('Issued (copy)')).toBe('Issued \\(copy\\)');
  });

  it('encodes Vietnamese as UTF-16BE with escapes for bytes that look like ( ) \\', () => {
    const s = pdfTextString('ĩ');
    // FE FF, then U+0129 = 01 29: 0x01 as octal, 0x29 ')' escaped.
    expect(s).toBe('\xfe\xff\\001\\)');
  });
});

describe('verification codes', () => {
  it('draws 12 characters from an alphabet without look-alikes', () => {
    for (const ch of '01OIL') expect(CODE_ALPHABET).not.toContain(ch);
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const code = newVerificationCode();
      expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{12}$/);
      seen.add(code);
    }
    expect(seen.size).toBe(200);
  });

  it('accepts a typed code with spaces, hyphens and lower case; refuses anything else', () => {
    expect(formatVerificationCode('7KQ2MX9HTB4R')).toBe('7KQ2-MX9H-TB4R');
    expect(normalizeVerificationCode(' 7kq2-mx9h tb4r ')).toBe('7KQ2MX9HTB4R');
    expect(normalizeVerificationCode('7KQ2MX9HTB4')).toBeNull();
    expect(normalizeVerificationCode('7KQ2MX9HTB4O')).toBeNull();
    expect(normalizeVerificationCode("' or 1=1 --")).toBeNull();
  });
});
