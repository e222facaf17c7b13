/**
 * Certificate wording: names in capitals with diacritics and dates in words
 * (Luật Hộ tịch 2014 Đ14; TT 04/2020/TT-BTP Đ31: họ, chữ đệm, tên in capitals; date of
 * birth in figures and in words).
 */
import { AppError, t } from '../../../platform/errors/app-error.js';

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

/**
 * 0–99 in words. After "mươi" (20 and over) a final 1 is "mốt", 4 is "tư" and 5 is "lăm";
 * after "mười" (10–19) a final 5 is "lăm" and 1 stays "một".
 */
function twoDigits(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const unit = n % 10;
  const head = tens === 1 ? 'mười' : `${DIGITS[tens]} mươi`;
  if (unit === 0) return head;
  if (unit === 5) return `${head} lăm`;
  if (tens >= 2 && unit === 1) return `${head} mốt`;
  if (tens >= 2 && unit === 4) return `${head} tư`;
  return `${head} ${DIGITS[unit]}`;
}

/** 0–999 as a group; `full` writes "không trăm" and "linh" as needed inside a larger number. */
function threeDigits(n: number, full: boolean): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (!full && hundreds === 0) return twoDigits(rest);
  const head = `${DIGITS[hundreds]} trăm`;
  if (rest === 0) return head;
  if (rest < 10) return `${head} linh ${DIGITS[rest]}`;
  return `${head} ${twoDigits(rest)}`;
}

const SCALES = ['', 'nghìn', 'triệu', 'tỷ'];

/** A whole number 0 – 999 999 999 999 in Vietnamese words ("hai nghìn không trăm linh một"). */
export function numberInWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999_999_999) {
    throw new AppError('VALIDATION', t('Số không đọc được thành chữ', 'Number cannot be written in words'), {
      n,
    });
  }
  if (n === 0) return DIGITS[0];
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);
  const parts: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i];
    if (g === 0) continue;
    const leading = i === groups.length - 1;
    parts.push(threeDigits(g, !leading));
    if (SCALES[i]) parts.push(SCALES[i]);
  }
  return parts.join(' ');
}

/** Month names as used for dates: month 4 is "tư". */
const MONTHS = [
  '',
  'một',
  'hai',
  'ba',
  'tư',
  'năm',
  'sáu',
  'bảy',
  'tám',
  'chín',
  'mười',
  'mười một',
  'mười hai',
];

/**
 * A date in words as on a birth certificate:
 * '2001-09-05' → "Ngày năm, tháng chín, năm hai nghìn không trăm linh một".
 */
export function dateInWords(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const year = m ? Number(m[1]) : Number.NaN;
  const month = m ? Number(m[2]) : Number.NaN;
  const day = m ? Number(m[3]) : Number.NaN;
  const valid = m !== null && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
  if (!valid || year < 1) {
    throw new AppError('VALIDATION', t('Ngày không hợp lệ (yyyy-mm-dd)', 'Invalid date (yyyy-mm-dd)'), {
      date: iso,
    });
  }
  return `Ngày ${numberInWords(day)}, tháng ${MONTHS[month]}, năm ${numberInWords(year)}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A name in capitals with its diacritics, NFC, single spaces ("NGUYỄN THỊ HUỲNH NHƯ Ý"). */
export function toCertificateName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleUpperCase('vi').normalize('NFC');
}
