import { AppError, t } from '../errors/app-error.js';
import {
  addCalendarDays,
  addWorkingDays,
  type CalendarDayOptions,
  type CountingOptions,
  countingStartDay,
  countWorkingDays,
  DEFAULT_CUTOFF,
  type DayOracle,
  isPastDue,
  nextWorkingDayNumber,
  type Receipt,
  sameDayDeadline,
} from './deadline.js';
import { type DayEntry, type DayOrigin, HolidayTable, mergeOverrides } from './holidays.js';
import {
  dayNumberOf,
  fromDayNumber,
  type LocalDate,
  parseTimeOfDay,
  toDayNumber,
  type Weekday,
  weekdayOfDay,
} from './local-date.js';
import { OFFICIAL_OVERRIDES } from './official-overrides.js';
import {
  type CalendarOverride,
  type HolidayId,
  type HolidayRuleSet,
  PUBLIC_BODY_REST_DAYS,
  STATUTORY_RULE_SETS,
} from './rules.js';
import {
  type Deadline,
  type DeadlineSpec,
  type DeadlineStatus,
  deadlineStatus,
  pauseDeadline,
  resumeDeadline,
  startDeadline,
} from './tracked-deadline.js';

export interface CalendarOptions {
  /** Statutory rule sets; default: BLLĐ 2012 (from 01/05/2013) and BLLĐ 2019 (from 01/01/2021). */
  ruleSets?: readonly HolidayRuleSet[];
  /** Built-in official decisions; default: the 2024–2026 announcements. */
  builtinOverrides?: readonly CalendarOverride[];
  /** Overrides entered by administrators; they win over the built-in ones (see mergeOverrides). */
  overrides?: readonly CalendarOverride[];
  /** Weekly rest days; default Saturday and Sunday (public bodies). */
  restDays?: readonly Weekday[];
  /** Default receipt cutoff, 'HH:MM'; default '15:00'. */
  cutoff?: string;
  /** Default for calendar-day deadlines ending on a non-working day; default false (no move). */
  rollForward?: boolean;
}

export type DayReason =
  | 'working_day'
  | 'weekly_rest'
  | 'holiday'
  | 'compensation'
  | 'day_off'
  | 'makeup_workday';

export interface DayInfo {
  date: LocalDate;
  weekday: Weekday;
  working: boolean;
  reason: DayReason;
  holidayId?: HolidayId;
  name?: string;
  basis?: string;
  /** From a default pattern: no official decision has been entered for it yet. */
  provisional?: boolean;
  origin?: DayOrigin;
  source?: string;
}

/** A non-working day other than the plain weekly rest: a holiday, a compensation day or a day off. */
export interface HolidayInfo {
  date: LocalDate;
  kind: 'holiday' | 'compensation' | 'day_off';
  holidayId?: HolidayId;
  name: string;
  basis: string;
  provisional: boolean;
  origin: DayOrigin;
  source?: string;
}

export interface WorkingCalendar {
  readonly cutoff: string;
  isWorkingDay(date: LocalDate): boolean;
  holidayOn(date: LocalDate): HolidayInfo | null;
  dayInfo(date: LocalDate): DayInfo;
  /** Every non-working weekday and every worked weekend day of a year, with its reason. */
  yearView(year: number): DayInfo[];
  /** The first working day strictly after a date. */
  nextWorkingDay(date: LocalDate): LocalDate;
  /** The first counting day of a receipt (the 15:00 rule). */
  countingStart(receivedAt: Receipt, opts?: CountingOptions): LocalDate;
  addWorkingDays(receivedAt: Receipt, n: number, opts?: CountingOptions): LocalDate;
  /** Working days in [from, to). */
  countWorkingDays(from: LocalDate, to: LocalDate): number;
  addCalendarDays(receivedAt: Receipt, n: number, opts?: CalendarDayOptions): LocalDate;
  sameDay(receivedAt: Receipt, opts?: CountingOptions): LocalDate;
  isOverdue(due: LocalDate, now: Date): boolean;
  startDeadline(spec: DeadlineSpec, receivedAt: Date): Deadline;
  pauseDeadline(deadline: Deadline, at: Date, reason?: string): Deadline;
  resumeDeadline(deadline: Deadline, at: Date): Deadline;
  deadlineStatus(deadline: Deadline, now: Date): DeadlineStatus;
}

function toDayInfo(day: number, entry: DayEntry | undefined, rest: boolean): DayInfo {
  const date = fromDayNumber(day);
  const weekday = weekdayOfDay(day);
  if (!entry) return { date, weekday, working: !rest, reason: rest ? 'weekly_rest' : 'working_day' };
  const { kind } = entry;
  const working = kind === 'workday';
  const reason: DayReason = kind === 'workday' ? (rest ? 'makeup_workday' : 'working_day') : kind;
  return {
    date,
    weekday,
    working,
    reason,
    ...(entry.holidayId ? { holidayId: entry.holidayId } : {}),
    name: entry.name,
    basis: entry.basis,
    provisional: entry.provisional,
    origin: entry.origin,
    ...(entry.source ? { source: entry.source } : {}),
  };
}

/** A working-day calendar: statutory rules + built-in decisions + administrators' overrides. */
export function createCalendar(options: CalendarOptions = {}): WorkingCalendar {
  const cutoff = options.cutoff ?? DEFAULT_CUTOFF;
  parseTimeOfDay(cutoff);
  const restDays = options.restDays ?? PUBLIC_BODY_REST_DAYS;
  const ruleSets = options.ruleSets ?? STATUTORY_RULE_SETS;
  if (ruleSets.length === 0) {
    throw new AppError(
      'VALIDATION',
      t('Cần ít nhất một bộ quy tắc ngày lễ', 'At least one holiday rule set is required'),
    );
  }
  for (const o of options.overrides ?? []) toDayNumber(o.date);
  const table = new HolidayTable({
    ruleSets,
    overrides: mergeOverrides(options.builtinOverrides ?? OFFICIAL_OVERRIDES, options.overrides ?? []),
    restDays,
  });
  const oracle: DayOracle = { isWorkingDayNumber: (day) => table.isWorking(day) };
  const withCutoff = <T extends CountingOptions>(opts?: T): T =>
    ({ ...opts, cutoff: opts?.cutoff ?? cutoff }) as T;
  const rollForward = options.rollForward ?? false;

  const dayInfo = (date: LocalDate): DayInfo => {
    const day = toDayNumber(date);
    return toDayInfo(day, table.entryOf(day), table.isRestDay(day));
  };

  return {
    cutoff,
    isWorkingDay: (date) => table.isWorking(toDayNumber(date)),
    holidayOn: (date) => {
      const day = toDayNumber(date);
      const entry = table.entryOf(day);
      if (!entry || entry.kind === 'workday') return null;
      const { kind, name, basis, provisional, origin, holidayId, source } = entry;
      return {
        date,
        kind,
        ...(holidayId ? { holidayId } : {}),
        name,
        basis,
        provisional,
        origin,
        ...(source ? { source } : {}),
      };
    },
    dayInfo,
    yearView: (year) => {
      if (!Number.isInteger(year))
        throw new AppError('VALIDATION', t(`Năm không hợp lệ: ${year}`, `Invalid year: ${year}`));
      table.ruleSetOn(dayNumberOf(year, 12, 31));
      return table
        .entriesOfYear(year)
        .map((entry) => {
          const day = toDayNumber(entry.date);
          return toDayInfo(day, entry, table.isRestDay(day));
        })
        .filter((info) => {
          const rest = restDays.includes(info.weekday);
          return (
            (rest && info.working) ||
            (!rest && (!info.working || info.origin === 'stored' || info.origin === 'builtin'))
          );
        });
    },
    nextWorkingDay: (date) => fromDayNumber(nextWorkingDayNumber(oracle, toDayNumber(date))),
    countingStart: (receivedAt, opts) =>
      fromDayNumber(countingStartDay(oracle, receivedAt, withCutoff(opts))),
    addWorkingDays: (receivedAt, n, opts) => addWorkingDays(oracle, receivedAt, n, withCutoff(opts)),
    countWorkingDays: (from, to) => countWorkingDays(oracle, from, to),
    addCalendarDays: (receivedAt, n, opts) =>
      addCalendarDays(oracle, receivedAt, n, {
        ...withCutoff(opts),
        rollForward: opts?.rollForward ?? rollForward,
      }),
    sameDay: (receivedAt, opts) => sameDayDeadline(oracle, receivedAt, withCutoff(opts)),
    isOverdue: (due, now) => isPastDue(due, now),
    startDeadline: (spec, receivedAt) =>
      startDeadline(
        oracle,
        { ...spec, cutoff: spec.cutoff ?? cutoff, rollForward: spec.rollForward ?? rollForward },
        receivedAt,
      ),
    pauseDeadline: (deadline, at, reason) => pauseDeadline(oracle, deadline, at, reason),
    resumeDeadline: (deadline, at) => resumeDeadline(oracle, deadline, at),
    deadlineStatus: (deadline, now) => deadlineStatus(oracle, deadline, now),
  };
}

let standard: WorkingCalendar | undefined;

/** The calendar with the statutory rules and built-in decisions only (no stored overrides). */
export function builtinCalendar(): WorkingCalendar {
  standard ??= createCalendar();
  return standard;
}
