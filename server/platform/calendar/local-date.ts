import { AppError, t } from '../errors/app-error.js';

/**
 * Local dates and times in Việt Nam (Asia/Ho_Chi_Minh, UTC+7, no daylight saving).
 * Everything here is plain arithmetic on UTC milliseconds, so the server's own TZ never matters.
 *
 * A local date is a 'YYYY-MM-DD' string; internally days are counted as "day numbers"
 * (whole days since 1970-01-01), which makes weekday and day arithmetic trivial.
 */
export type LocalDate = string;

/** 0 = Sunday … 6 = Saturday (as in `Date#getUTCDay`). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export const MS_PER_DAY = 86_400_000;
/** Việt Nam's offset from UTC: +7 hours all year. */
export const VN_OFFSET_MS = 7 * 3_600_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

const invalid = (vi: string, en: string, data?: Record<string, unknown>) =>
  new AppError('VALIDATION', t(vi, en), data);

/** Day number of a calendar date (proleptic Gregorian). */
export function dayNumberOf(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.floor(d.getTime() / MS_PER_DAY);
}

/** Parses 'YYYY-MM-DD' into a day number; refuses impossible dates such as 2025-02-29. */
export function toDayNumber(date: LocalDate): number {
  const m = typeof date === 'string' ? DATE_RE.exec(date) : null;
  if (!m) throw invalid(`Ngày không đúng định dạng YYYY-MM-DD: ${date}`, `Date is not YYYY-MM-DD: ${date}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const n = dayNumberOf(y, mo, d);
  if (mo < 1 || mo > 12 || d < 1 || fromDayNumber(n) !== date) {
    throw invalid(`Ngày không tồn tại: ${date}`, `No such date: ${date}`);
  }
  return n;
}

/** Formats a day number as 'YYYY-MM-DD'. */
export function fromDayNumber(n: number): LocalDate {
  const d = new Date(n * MS_PER_DAY);
  const y = d.getUTCFullYear();
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(d.getUTCDate()).padStart(2, '0');
  return `${String(y).padStart(4, '0')}-${mm}-${dd}`;
}

export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string' || !DATE_RE.test(value)) return false;
  try {
    toDayNumber(value);
    return true;
  } catch {
    return false;
  }
}

/** Year, month (1–12) and day of a day number. */
export function partsOf(n: number): { year: number; month: number; day: number } {
  const d = new Date(n * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function weekdayOfDay(n: number): Weekday {
  // 1970-01-01 was a Thursday (4).
  return ((((n + 4) % 7) + 7) % 7) as Weekday;
}

export function weekdayOf(date: LocalDate): Weekday {
  return weekdayOfDay(toDayNumber(date));
}

/** Adds (or with a negative n subtracts) calendar days. */
export function addDays(date: LocalDate, n: number): LocalDate {
  return fromDayNumber(toDayNumber(date) + n);
}

/** Calendar days from a to b (b − a). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

function checkInstant(instant: Date): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw invalid('Thời điểm không hợp lệ', 'Invalid instant');
  return ms;
}

/** The Vietnamese local date of an instant, whatever the server's TZ. */
export function localDateOf(instant: Date): LocalDate {
  return fromDayNumber(Math.floor((checkInstant(instant) + VN_OFFSET_MS) / MS_PER_DAY));
}

/** Milliseconds since local midnight in Việt Nam. */
export function localTimeOfDayMs(instant: Date): number {
  const ms = checkInstant(instant) + VN_OFFSET_MS;
  return ((ms % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
}

/** Parses 'HH:MM' or 'HH:MM:SS' into milliseconds since midnight. */
export function parseTimeOfDay(time: string): number {
  const m = typeof time === 'string' ? TIME_RE.exec(time) : null;
  if (!m) throw invalid(`Giờ không đúng định dạng HH:MM: ${time}`, `Time is not HH:MM: ${time}`);
  return ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3] ?? 0)) * 1000;
}

/** The instant of a Vietnamese local date and time ('HH:MM' or 'HH:MM:SS', default midnight). */
export function vnInstant(date: LocalDate, time = '00:00'): Date {
  return new Date(toDayNumber(date) * MS_PER_DAY + parseTimeOfDay(time) - VN_OFFSET_MS);
}

/** The last millisecond of a Vietnamese local date (a day-based deadline ends at 24:00, BLDS 2015 Đ148.6). */
export function endOfLocalDay(date: LocalDate): Date {
  return new Date((toDayNumber(date) + 1) * MS_PER_DAY - VN_OFFSET_MS - 1);
}

export const WEEKDAY_NAMES_VI = [
  'Chủ nhật',
  'Thứ Hai',
  'Thứ Ba',
  'Thứ Tư',
  'Thứ Năm',
  'Thứ Sáu',
  'Thứ Bảy',
] as const;

/** 'dd/mm/yyyy', the usual Vietnamese way of writing a date. */
export function formatVi(date: LocalDate): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}
