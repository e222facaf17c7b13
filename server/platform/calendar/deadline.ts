import { AppError, t } from '../errors/app-error.js';
import {
  fromDayNumber,
  type LocalDate,
  localDateOf,
  localTimeOfDayMs,
  parseTimeOfDay,
  toDayNumber,
} from './local-date.js';

/**
 * Deadline arithmetic on top of a working-day predicate.
 *
 * Counting rules (BLDS 2015 Đ147–148, applied to administrative procedures):
 * - the day the file is received is not counted: an n-working-day deadline ends at the end of
 *   the n-th working day after the counting start, and n = 0 means "the same day";
 * - the counting start is the day of receipt, unless the file arrives after the cutoff (15:00,
 *   Luật Hộ tịch Đ5.3, NĐ 23/2015 Đ7, NĐ 61/2018 Đ18.2) or on a non-working day: then it is the
 *   next working day;
 * - a deadline ends at 24:00 local time of its last day (BLDS 2015 Đ148.6), so a file is
 *   overdue only from the next day on.
 */
export interface DayOracle {
  isWorkingDayNumber(day: number): boolean;
}

export interface CountingOptions {
  /** Local time after which a receipt counts from the next working day; 'HH:MM' or 'HH:MM:SS'. */
  cutoff?: string;
}

export interface CalendarDayOptions extends CountingOptions {
  /**
   * When the last day of a calendar-day deadline is not a working day, move it to the next
   * working day (BLDS 2015 Đ148.5). Off by default: the agency's own deadline (e.g. Phiếu LLTP
   * ≤ 10 ngày, Luật LLTP Đ48) is not extended.
   */
  rollForward?: boolean;
  /**
   * Count calendar days from the effective receipt day (after the cutoff or on a non-working
   * day: the next working day), as for working-day deadlines. Default true; false counts from
   * the raw date of receipt.
   */
  fromEffectiveReceipt?: boolean;
}

export const DEFAULT_CUTOFF = '15:00';
/** The longest deadline the engine accepts, in days, to catch unit mistakes (hours given as days). */
export const MAX_DEADLINE_DAYS = 3660;
/** The longest range countWorkingDays walks (about a century). */
const MAX_RANGE_DAYS = 36_600;

/** A moment of receipt: an instant, or a local date meaning "during office hours that day". */
export type Receipt = Date | LocalDate;

function checkAmount(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > MAX_DEADLINE_DAYS) {
    throw new AppError(
      'VALIDATION',
      t(
        `Số ngày phải là số nguyên từ 0 đến ${MAX_DEADLINE_DAYS}: ${n}`,
        `The number of days must be an integer from 0 to ${MAX_DEADLINE_DAYS}: ${n}`,
      ),
    );
  }
}

export function nextWorkingDayNumber(oracle: DayOracle, day: number): number {
  let d = day + 1;
  while (!oracle.isWorkingDayNumber(d)) d++;
  return d;
}

/** The first working day on or after a day. */
export function workingDayOnOrAfter(oracle: DayOracle, day: number): number {
  return oracle.isWorkingDayNumber(day) ? day : nextWorkingDayNumber(oracle, day);
}

/**
 * The counting start of a receipt: its local day when that is a working day and the receipt
 * came no later than the cutoff (15:00:00 exactly still counts as "before"); otherwise the next
 * working day. A plain local date is taken as a receipt within office hours.
 */
export function countingStartDay(oracle: DayOracle, receivedAt: Receipt, opts: CountingOptions = {}): number {
  if (typeof receivedAt === 'string') return workingDayOnOrAfter(oracle, toDayNumber(receivedAt));
  const day = toDayNumber(localDateOf(receivedAt));
  const afterCutoff = localTimeOfDayMs(receivedAt) > parseTimeOfDay(opts.cutoff ?? DEFAULT_CUTOFF);
  if (afterCutoff) return nextWorkingDayNumber(oracle, day);
  return workingDayOnOrAfter(oracle, day);
}

/** The working day n working days after a working day (n = 0: that day). */
export function addWorkingDaysFrom(oracle: DayOracle, startDay: number, n: number): number {
  checkAmount(n);
  let d = workingDayOnOrAfter(oracle, startDay);
  for (let left = n; left > 0; left--) d = nextWorkingDayNumber(oracle, d);
  return d;
}

/** Due date of an n-working-day deadline (n = 0: a same-day deadline). */
export function addWorkingDays(
  oracle: DayOracle,
  receivedAt: Receipt,
  n: number,
  opts: CountingOptions = {},
): LocalDate {
  checkAmount(n);
  return fromDayNumber(addWorkingDaysFrom(oracle, countingStartDay(oracle, receivedAt, opts), n));
}

/**
 * Working days in [from, to): how many working days of a deadline have been used between two
 * days, so that countWorkingDays(start, addWorkingDays(start, n)) === n. Negative when to < from.
 */
export function countWorkingDays(oracle: DayOracle, from: LocalDate, to: LocalDate): number {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  if (b < a) return -countWorkingDays(oracle, to, from);
  if (b - a > MAX_RANGE_DAYS) {
    throw new AppError('VALIDATION', t('Khoảng thời gian quá dài', 'Date range too long'), { from, to });
  }
  let count = 0;
  for (let d = a; d < b; d++) if (oracle.isWorkingDayNumber(d)) count++;
  return count;
}

/** The last day of an n-calendar-day deadline starting from a day. */
export function addCalendarDaysFrom(
  oracle: DayOracle,
  startDay: number,
  n: number,
  rollForward: boolean,
): number {
  checkAmount(n);
  const due = startDay + n;
  return rollForward ? workingDayOnOrAfter(oracle, due) : due;
}

/**
 * Due date of an n-calendar-day deadline ("không quá 10 ngày"). See CalendarDayOptions for the
 * counting start and whether a due date on a holiday moves.
 */
export function addCalendarDays(
  oracle: DayOracle,
  receivedAt: Receipt,
  n: number,
  opts: CalendarDayOptions = {},
): LocalDate {
  checkAmount(n);
  const start =
    (opts.fromEffectiveReceipt ?? true)
      ? countingStartDay(oracle, receivedAt, opts)
      : toDayNumber(typeof receivedAt === 'string' ? receivedAt : localDateOf(receivedAt));
  return fromDayNumber(addCalendarDaysFrom(oracle, start, n, opts.rollForward ?? false));
}

/**
 * A "same day" deadline (giải quyết ngay trong ngày): the day of receipt, or the next working
 * day when received after the cutoff or on a non-working day (Luật Hộ tịch Đ5.3, NĐ 23/2015 Đ7).
 */
export function sameDayDeadline(
  oracle: DayOracle,
  receivedAt: Receipt,
  opts: CountingOptions = {},
): LocalDate {
  return fromDayNumber(countingStartDay(oracle, receivedAt, opts));
}

/** True when a day-based deadline has passed at an instant: the local date is after the due date. */
export function isPastDue(due: LocalDate, now: Date): boolean {
  return toDayNumber(localDateOf(now)) > toDayNumber(due);
}
