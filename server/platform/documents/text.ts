import { AppError, t } from '../errors/app-error.js';

/**
 * Vietnamese text helpers for issued documents: dates as administrative documents write
 * them, numbers in words, masking for public verification answers, PDF text strings.
 */

/** A calendar date in Vietnam (UTC+7, no daylight saving). */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Reads 'YYYY-MM-DD' as written, or a Date as the calendar day it is in Vietnam. */
export function toCivilDate(value: Date | string): CivilDate {
  if (typeof value === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const date = m ? { year: +m[1], month: +m[2], day: +m[3] } : null;
    const probe = date ? new Date(Date.UTC(date.year, date.month - 1, date.day)) : null;
    if (!date || !probe || probe.getUTCDate() !== date.day || probe.getUTCMonth() !== date.month - 1) {
      throw new AppError('VALIDATION', t(`Ngày không hợp lệ: ${value}`, `Invalid date: ${value}`));
    }
    return date;
  }
  if (Number.isNaN(value.getTime())) throw new AppError('VALIDATION', t('Ngày không hợp lệ', 'Invalid date'));
  const local = new Date(value.getTime() + VN_OFFSET_MS);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** dd/mm/yyyy, the usual way to write a date in figures. */
export function formatDateFigures(value: Date | string): string {
  const d = toCivilDate(value);
  return `${pad2(d.day)}/${pad2(d.month)}/${d.year}`;
}

/**
 * "Bắc Ninh, ngày 05 tháng 02 năm 2026": days below 10 and months 1–2 take a leading zero
 * (Nghị định 30/2020/NĐ-CP, Phụ lục I).
 */
export function placeDateLine(place: string, value: Date | string): string {
  const d = toCivilDate(value);
  const day = d.day < 10 ? pad2(d.day) : String(d.day);
  const month = d.month < 3 ? pad2(d.month) : String(d.month);
  return `${place}, ngày ${day} tháng ${month} năm ${d.year}`;
}

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

/** 0–999 in words; `full` writes leading "không trăm"/"linh" as inside a larger number. */
function hundredsInWords(n: number, full: boolean): string[] {
  const h = Math.floor(n / 100);
  const ten = Math.floor((n % 100) / 10);
  const unit = n % 10;
  const words: string[] = [];
  if (h > 0 || full) words.push(DIGITS[h], 'trăm');
  if (ten === 0) {
    if (unit === 0) return words;
    if (words.length > 0) words.push('linh');
    words.push(DIGITS[unit]);
    return words;
  }
  if (ten === 1) words.push('mười');
  else words.push(DIGITS[ten], 'mươi');
  if (unit === 1) words.push(ten === 1 ? 'một' : 'mốt');
  else if (unit === 4) words.push(ten === 1 ? 'bốn' : 'tư');
  else if (unit === 5) words.push('lăm');
  else if (unit > 0) words.push(DIGITS[unit]);
  return words;
}

/** A whole number 0–999 999 999 in Vietnamese words ("hai nghìn không trăm hai mươi sáu"). */
export function numberInWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999_999) {
    throw new AppError('VALIDATION', t(`Số ngoài phạm vi: ${n}`, `Number out of range: ${n}`));
  }
  if (n === 0) return DIGITS[0];
  const groups = [Math.floor(n / 1_000_000), Math.floor(n / 1000) % 1000, n % 1000];
  const scales = ['triệu', 'nghìn', ''];
  const words: string[] = [];
  groups.forEach((g, i) => {
    if (g === 0) return;
    words.push(...hundredsInWords(g, words.length > 0));
    if (scales[i]) words.push(scales[i]);
  });
  return words.join(' ');
}

/** "ngày năm, tháng ba, năm hai nghìn không trăm hai mươi sáu" (month 4 reads "tư"). */
export function dateInWords(value: Date | string): string {
  const d = toCivilDate(value);
  const month = d.month === 4 ? 'tư' : numberInWords(d.month);
  return `ngày ${numberInWords(d.day)}, tháng ${month}, năm ${numberInWords(d.year)}`;
}

/** Upper-cases Vietnamese text without losing tone marks (the JS default is locale-safe for vi). */
export const upperVi = (s: string) => s.normalize('NFC').toLocaleUpperCase('vi');

/**
 * A person's name as a public verification answer may show it: the first letter of each
 * word, the rest hidden with a fixed-width mask so length is not revealed
 * ("NGUYỄN THỊ HUỲNH NHƯ Ý" → "N*** T*** H*** N*** Ý***").
 */
export function maskName(name: string): string {
  return name
    .normalize('NFC')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `${Array.from(w)[0]}***`)
    .join(' ');
}

/** An identifier with only its last three characters visible ("001203004567" → "*********567"). */
export function maskId(id: string): string {
  const chars = Array.from(id.trim());
  const keep = chars.length > 6 ? 3 : 0;
  return '*'.repeat(chars.length - keep) + chars.slice(chars.length - keep).join('');
}

/**
 * A value for pdf-lib's `PDFString.of`, which copies characters as raw bytes: ASCII stays
 * a literal string, anything else becomes UTF-16BE with a byte-order mark. Parentheses,
 * backslashes and line breaks are escaped.
 */
export function pdfTextString(s: string): string {
  const text = s.normalize('NFC');
  const ascii = /^[\x20-\x7e]*$/.test(text);
  let bytes = '';
  if (ascii) bytes = text;
  else {
    bytes = '\xfe\xff';
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      bytes += String.fromCharCode(c >> 8, c & 0xff);
    }
  }
  let out = '';
  for (const ch of bytes) {
    const b = ch.charCodeAt(0);
    if (ch === '(' || ch === ')' || ch === '\\') out += `\\${ch}`;
    else if (b < 0x20 || b === 0x7f) out += `\\${b.toString(8).padStart(3, '0')}`;
    else out += ch;
  }
  return out;
}
