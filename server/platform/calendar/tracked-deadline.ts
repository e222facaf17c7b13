import { AppError, t } from '../errors/app-error.js';
import {
  addCalendarDaysFrom,
  addWorkingDaysFrom,
  countingStartDay,
  countWorkingDays,
  type DayOracle,
  DEFAULT_CUTOFF,
  MAX_DEADLINE_DAYS,
} from './deadline.js';
import { addDays, fromDayNumber, type LocalDate, localDateOf, toDayNumber } from './local-date.js';

/**
 * A processing deadline that can be paused while the agency waits for the applicant
 * (tạm dừng chờ bổ sung hồ sơ) and resumed when the supplement arrives. Paused days do not
 * count; the file is never overdue while paused unless it already was when the pause began.
 * Every pause keeps the due date before and after it (old and new ngày hẹn trả).
 *
 * Counting is in whole days: the days of the deadline already begun when the pause starts are
 * used up; the resume is treated like a new receipt (after the cutoff or on a non-working day,
 * counting restarts on the next working day). Hence a pause never shortens a deadline, and a
 * pause resumed the same day before the cutoff changes nothing.
 *
 * The value is plain JSON (instants as ISO strings) so modules can store it as is.
 */
export type DeadlineUnit = 'working_days' | 'calendar_days';

export interface DeadlineSpec {
  unit: DeadlineUnit;
  /** Number of days; 0 with 'working_days' is a same-day deadline. */
  amount: number;
  cutoff?: string;
  /** Calendar days only: move a due date on a non-working day to the next working day. */
  rollForward?: boolean;
}

export interface DeadlinePause {
  pausedAt: string;
  pausedOn: LocalDate;
  reason?: string;
  /** Days of the deadline left when the clock stopped; negative if it was already overdue. */
  remaining: number;
  dueBefore: LocalDate;
  resumedAt?: string;
  /** The counting start after the resume. */
  resumedFrom?: LocalDate;
  dueAfter?: LocalDate;
}

export interface Deadline {
  unit: DeadlineUnit;
  amount: number;
  cutoff: string;
  rollForward: boolean;
  receivedAt: string;
  /** First counting day: the day of receipt or, after the cutoff / on a non-working day, the next working day. */
  startDate: LocalDate;
  originalDue: LocalDate;
  /** The current due date; the deadline ends at 24:00 of this day. */
  due: LocalDate;
  pauses: DeadlinePause[];
}

export type DeadlineState = 'on_track' | 'due_today' | 'overdue' | 'paused';

export interface DeadlineStatus {
  state: DeadlineState;
  overdue: boolean;
  paused: boolean;
  due: LocalDate;
  /**
   * Days (in the deadline's unit) still available after today, up to and including the due date;
   * while paused, the days left after the resume day. 0 when due today or late.
   */
  daysLeft: number;
  /** Days (in the deadline's unit) past the due date; 0 when not late. */
  daysLate: number;
}

const toInstant = (at: Date): string => {
  if (!(at instanceof Date) || !Number.isFinite(at.getTime())) {
    throw new AppError('VALIDATION', t('Thời điểm không hợp lệ', 'Invalid instant'));
  }
  return at.toISOString();
};

export function startDeadline(oracle: DayOracle, spec: DeadlineSpec, receivedAt: Date): Deadline {
  if (spec.unit !== 'working_days' && spec.unit !== 'calendar_days') {
    throw new AppError(
      'VALIDATION',
      t(`Đơn vị thời hạn không hợp lệ: ${spec.unit}`, `Invalid deadline unit: ${spec.unit}`),
    );
  }
  if (!Number.isInteger(spec.amount) || spec.amount < 0 || spec.amount > MAX_DEADLINE_DAYS) {
    throw new AppError(
      'VALIDATION',
      t(`Thời hạn không hợp lệ: ${spec.amount}`, `Invalid deadline amount: ${spec.amount}`),
    );
  }
  const cutoff = spec.cutoff ?? DEFAULT_CUTOFF;
  const rollForward = spec.unit === 'calendar_days' && (spec.rollForward ?? false);
  const at = toInstant(receivedAt);
  const start = countingStartDay(oracle, receivedAt, { cutoff });
  const due = dueFrom(oracle, spec.unit, start, spec.amount, rollForward);
  return {
    unit: spec.unit,
    amount: spec.amount,
    cutoff,
    rollForward,
    receivedAt: at,
    startDate: fromDayNumber(start),
    originalDue: due,
    due,
    pauses: [],
  };
}

function dueFrom(
  oracle: DayOracle,
  unit: DeadlineUnit,
  start: number,
  n: number,
  rollForward: boolean,
): LocalDate {
  const day =
    unit === 'working_days'
      ? addWorkingDaysFrom(oracle, start, n)
      : addCalendarDaysFrom(oracle, start, n, rollForward);
  return fromDayNumber(day);
}

/** Days of the deadline left from a day on: working days in [day, due), or calendar days. */
function remainingFrom(oracle: DayOracle, d: Deadline, day: LocalDate): number {
  return d.unit === 'working_days'
    ? countWorkingDays(oracle, day, d.due)
    : toDayNumber(d.due) - toDayNumber(day);
}

export const isPaused = (d: Deadline): boolean =>
  d.pauses.length > 0 && !d.pauses[d.pauses.length - 1].resumedAt;

function lastEventAt(d: Deadline): string {
  const last = d.pauses[d.pauses.length - 1];
  return last ? (last.resumedAt ?? last.pausedAt) : d.receivedAt;
}

/** Stops the clock (waiting for the applicant). */
export function pauseDeadline(oracle: DayOracle, d: Deadline, at: Date, reason?: string): Deadline {
  if (isPaused(d)) {
    throw new AppError('INVALID_STATE', t('Thời hạn đang tạm dừng', 'The deadline is already paused'), {
      state: 'paused',
      allowed: ['resume'],
    });
  }
  const pausedAt = toInstant(at);
  if (pausedAt < lastEventAt(d)) {
    throw new AppError(
      'VALIDATION',
      t('Thời điểm tạm dừng sớm hơn sự kiện trước đó', 'Pause is earlier than the previous event'),
    );
  }
  const pausedOn = localDateOf(at);
  const pause: DeadlinePause = {
    pausedAt,
    pausedOn,
    ...(reason ? { reason } : {}),
    remaining: remainingFrom(oracle, d, pausedOn),
    dueBefore: d.due,
  };
  return { ...d, pauses: [...d.pauses, pause] };
}

/** Restarts the clock (the supplement arrived); computes the new due date. */
export function resumeDeadline(oracle: DayOracle, d: Deadline, at: Date): Deadline {
  if (!isPaused(d)) {
    throw new AppError(
      'INVALID_STATE',
      t('Thời hạn không ở trạng thái tạm dừng', 'The deadline is not paused'),
      {
        state: 'running',
        allowed: ['pause'],
      },
    );
  }
  const resumedAt = toInstant(at);
  const open = d.pauses[d.pauses.length - 1];
  if (resumedAt < open.pausedAt) {
    throw new AppError(
      'VALIDATION',
      t('Thời điểm tiếp tục sớm hơn thời điểm tạm dừng', 'Resume is earlier than the pause'),
    );
  }
  const start = countingStartDay(oracle, at, { cutoff: d.cutoff });
  // A deadline already missed when paused stays missed: the pause does not pardon it.
  const due = open.remaining < 0 ? d.due : dueFrom(oracle, d.unit, start, open.remaining, d.rollForward);
  const closed: DeadlinePause = { ...open, resumedAt, resumedFrom: fromDayNumber(start), dueAfter: due };
  return { ...d, due, pauses: [...d.pauses.slice(0, -1), closed] };
}

/** Where a deadline stands at an instant (e.g. now, or when the result was returned). */
export function deadlineStatus(oracle: DayOracle, d: Deadline, now: Date): DeadlineStatus {
  const today = localDateOf(now);
  const open = isPaused(d) ? d.pauses[d.pauses.length - 1] : undefined;
  const count = (from: LocalDate, to: LocalDate) =>
    d.unit === 'working_days' ? countWorkingDays(oracle, from, to) : toDayNumber(to) - toDayNumber(from);
  // Days after `from` up to and including `to`.
  const between = (from: LocalDate, to: LocalDate) => count(addDays(from, 1), addDays(to, 1));
  if (open) {
    const overdue = open.remaining < 0;
    return {
      state: overdue ? 'overdue' : 'paused',
      overdue,
      paused: true,
      due: d.due,
      daysLeft: Math.max(open.remaining, 0),
      daysLate: overdue ? between(d.due, open.pausedOn) : 0,
    };
  }
  const overdue = today > d.due;
  return {
    state: overdue ? 'overdue' : today === d.due ? 'due_today' : 'on_track',
    overdue,
    paused: false,
    due: d.due,
    daysLeft: today < d.due ? between(today, d.due) : 0,
    daysLate: overdue ? between(d.due, today) : 0,
  };
}
