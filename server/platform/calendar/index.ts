/**
 * The kernel's working-day calendar: Vietnamese lunar calendar, statutory holidays with yearly
 * decisions and overrides, and deadline arithmetic (working days, calendar days, same day, the
 * 15:00 rule, pause and resume). This file is the only door into the folder.
 */
export {
  builtinCalendar,
  type CalendarOptions,
  createCalendar,
  type DayInfo,
  type DayReason,
  type HolidayInfo,
  type WorkingCalendar,
} from './calendar.js';
export {
  type CalendarDayOptions,
  type CountingOptions,
  DEFAULT_CUTOFF,
  MAX_DEADLINE_DAYS,
  type Receipt,
} from './deadline.js';
export type { DayOrigin } from './holidays.js';
export {
  addDays,
  daysBetween,
  endOfLocalDay,
  formatVi,
  isLocalDate,
  type LocalDate,
  localDateOf,
  VN_OFFSET_MS,
  vnInstant,
  type Weekday,
  weekdayOf,
} from './local-date.js';
export {
  canChiOfYear,
  formatLunarVi,
  LUNAR_RANGE,
  type LunarDate,
  leapMonthOf,
  lunarMonthLength,
  lunarNewYear,
  lunarToSolar,
  solarToLunar,
} from './lunar.js';
export { OFFICIAL_OVERRIDES } from './official-overrides.js';
export {
  addOverride,
  listOverrides,
  loadCalendar,
  type NewOverride,
  removeOverride,
  type StoredOverride,
  yearView,
} from './repository.js';
export {
  BLLD_2012_RULES,
  BLLD_2019_RULES,
  type CalendarOverride,
  DECIDED_HOLIDAYS,
  type DecidedHolidayId,
  type HolidayId,
  type HolidayRule,
  type HolidayRuleSet,
  PUBLIC_BODY_REST_DAYS,
  STATUTORY_RULE_SETS,
} from './rules.js';
export {
  type Deadline,
  type DeadlinePause,
  type DeadlineSpec,
  type DeadlineState,
  type DeadlineStatus,
  type DeadlineUnit,
  isPaused,
} from './tracked-deadline.js';
