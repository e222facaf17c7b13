import { AppError, t } from '../errors/app-error.js';
import { fromDayNumber, type LocalDate, partsOf, toDayNumber } from './local-date.js';

/**
 * The Vietnamese lunisolar calendar (âm lịch), computed for Việt Nam's time zone (UTC+7)
 * with the astronomical method published by Hồ Ngọc Đức:
 * - a month starts on the local day that contains a new moon;
 * - month 11 is the month that contains the December solstice (sun longitude 270°);
 * - a year with 13 months between two months 11 has a leap month: the first month after
 *   month 11 during which the sun enters no new 30° sector (no "major solar term").
 * Chinese calendars use UTC+8 and differ in some years (e.g. Tết 1985), so they must not be used.
 *
 * New moons come from the truncated series of J. Meeus ("Astronomical Algorithms"), sun
 * longitude from the low-precision solar formula; both are accurate to well under a day
 * in the supported range.
 */
export interface LunarDate {
  /** The lunar year; it starts at Tết, in January or February of the solar year of the same number. */
  year: number;
  month: number;
  day: number;
  /** True for the repeated (leap, "nhuận") month. */
  leap: boolean;
}

/** Years (solar and lunar) the converter accepts; the astronomy is checked on this range. */
export const LUNAR_RANGE = { from: 1800, to: 2199 } as const;

const TZ_HOURS = 7;
const RAD = Math.PI / 180;
const SYNODIC_MONTH = 29.530588853;
/** Julian day of the first new moon of 1900 (index k = 0 of the new-moon series). */
const NEW_MOON_ZERO_JD = 2415021.076998695;
/** Julian day number of 1970-01-01, the zero of our day numbers. */
const JDN_OF_DAY_ZERO = 2440588;

/** Julian day (UT) of new moon number k, counted from the first new moon of 1900. */
function newMoonJd(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const sin = (deg: number) => Math.sin(deg * RAD);
  const meanPhase =
    2415020.75933 +
    29.53058868 * k +
    0.0001178 * T2 -
    0.000000155 * T3 +
    0.00033 * sin(166.56 + 132.87 * T - 0.009173 * T2);
  const sunAnomaly = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const moonAnomaly = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const moonLatitude = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  const M = sunAnomaly;
  const Mp = moonAnomaly;
  const F = moonLatitude;
  const periodic: Array<[number, number]> = [
    [0.1734 - 0.000393 * T, M],
    [0.0021, 2 * M],
    [-0.4068, Mp],
    [0.0161, 2 * Mp],
    [-0.0004, 3 * Mp],
    [0.0104, 2 * F],
    [-0.0051, M + Mp],
    [-0.0074, M - Mp],
    [0.0004, 2 * F + M],
    [-0.0004, 2 * F - M],
    [-0.0006, 2 * F + Mp],
    [0.001, 2 * F - Mp],
    [0.0005, M + 2 * Mp],
  ];
  let correction = 0;
  for (const [coefficient, argument] of periodic) correction += coefficient * sin(argument);
  // ΔT (dynamical time − universal time), in days.
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return meanPhase + correction - deltaT;
}

/** Apparent sun longitude in degrees [0, 360) at Julian day jd. */
function sunLongitudeDeg(jd: number): number {
  const T = (jd - 2451545.0) / 36525;
  const T2 = T * T;
  const meanAnomaly = (357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2) * RAD;
  const meanLongitude = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  const centre =
    (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(meanAnomaly) +
    (0.019993 - 0.000101 * T) * Math.sin(2 * meanAnomaly) +
    0.00029 * Math.sin(3 * meanAnomaly);
  const longitude = (meanLongitude + centre) % 360;
  return longitude < 0 ? longitude + 360 : longitude;
}

/** Day number of the local (UTC+7) day on which new moon k falls. */
function newMoonDay(k: number): number {
  return Math.floor(newMoonJd(k) + 0.5 + TZ_HOURS / 24) - JDN_OF_DAY_ZERO;
}

/** The sun's 30° sector (0–11) at the start of a local day; sector 9 begins at the December solstice. */
function sunSectorAtStartOf(day: number): number {
  const jdAtLocalMidnight = day + JDN_OF_DAY_ZERO - 0.5 - TZ_HOURS / 24;
  return Math.floor(sunLongitudeDeg(jdAtLocalMidnight) / 30);
}

/** Month 11 of the lunar year that ends around solar year `year`: its new-moon index and first day. */
function monthEleven(year: number): { k: number; start: number } {
  const dec31 = toDayNumber(`${year}-12-31`);
  const jdDec31 = dec31 + JDN_OF_DAY_ZERO;
  let k = Math.floor((jdDec31 - NEW_MOON_ZERO_JD) / SYNODIC_MONTH);
  // The last new moon on or before 31 December…
  while (newMoonDay(k + 1) <= dec31) k++;
  while (newMoonDay(k) > dec31) k--;
  // …starts month 11 unless the solstice had already passed by then.
  if (sunSectorAtStartOf(newMoonDay(k)) >= 9) k--;
  return { k, start: newMoonDay(k) };
}

interface LunarMonthSpan {
  start: number;
  length: number;
  year: number;
  month: number;
  leap: boolean;
}

const cycles = new Map<number, LunarMonthSpan[]>();

/** The months from month 11 of lunar year Y−1 up to (not including) month 11 of lunar year Y. */
function cycleEndingIn(year: number): LunarMonthSpan[] {
  const cached = cycles.get(year);
  if (cached) return cached;
  const from = monthEleven(year - 1);
  const to = monthEleven(year);
  const count = to.k - from.k;
  let leapIndex = -1;
  if (count === 13) {
    for (let i = 1; i <= 12; i++) {
      if (sunSectorAtStartOf(newMoonDay(from.k + i)) === sunSectorAtStartOf(newMoonDay(from.k + i + 1))) {
        leapIndex = i;
        break;
      }
    }
  }
  if (count < 12 || count > 13 || (count === 13 && leapIndex < 0)) {
    throw new AppError(
      'INTERNAL',
      t(`Không tính được âm lịch năm ${year}`, `Cannot compute the lunar year ${year}`),
    );
  }
  const months: LunarMonthSpan[] = [];
  let month = 11;
  let lunarYear = year - 1;
  for (let i = 0; i < count; i++) {
    const start = newMoonDay(from.k + i);
    const next = i === count - 1 ? to.start : newMoonDay(from.k + i + 1);
    const leap = i === leapIndex;
    if (i > 0 && !leap) {
      month++;
      if (month === 13) {
        month = 1;
        lunarYear = year;
      }
    }
    months.push({ start, length: next - start, year: lunarYear, month, leap });
  }
  cycles.set(year, months);
  return months;
}

function checkYear(year: number, what: 'solar' | 'lunar'): void {
  if (!Number.isInteger(year) || year < LUNAR_RANGE.from || year > LUNAR_RANGE.to) {
    throw new AppError(
      'VALIDATION',
      t(
        `Năm ${what === 'solar' ? 'dương' : 'âm'} lịch ${year} nằm ngoài phạm vi ${LUNAR_RANGE.from}–${LUNAR_RANGE.to}`,
        `${what === 'solar' ? 'Solar' : 'Lunar'} year ${year} is outside ${LUNAR_RANGE.from}–${LUNAR_RANGE.to}`,
      ),
    );
  }
}

function monthSpanOfDay(day: number): LunarMonthSpan {
  const { year } = partsOf(day);
  checkYear(year, 'solar');
  const cycle = day >= monthEleven(year).start ? year + 1 : year;
  const span = cycleEndingIn(cycle).find((m) => day >= m.start && day < m.start + m.length);
  if (!span) throw new AppError('INTERNAL', t('Lỗi tính âm lịch', 'Lunar conversion failed'), { day });
  return span;
}

/** Solar (dương lịch) date → lunar (âm lịch) date, in Việt Nam's time zone. */
export function solarToLunar(date: LocalDate): LunarDate {
  const day = toDayNumber(date);
  const span = monthSpanOfDay(day);
  return { year: span.year, month: span.month, day: day - span.start + 1, leap: span.leap };
}

function findMonth(year: number, month: number, leap: boolean): LunarMonthSpan | undefined {
  checkYear(year, 'lunar');
  if (!Number.isInteger(month) || month < 1 || month > 12) return undefined;
  const cycle = month >= 11 ? year + 1 : year;
  return cycleEndingIn(cycle).find((m) => m.year === year && m.month === month && m.leap === leap);
}

/** Lunar date → solar date. Refuses dates that do not exist (day 30 of a short month, a missing leap month). */
export function lunarToSolar(lunar: LunarDate): LocalDate {
  const span = findMonth(lunar.year, lunar.month, lunar.leap);
  const label = `${lunar.day}/${lunar.month}${lunar.leap ? ' nhuận' : ''}/${lunar.year}`;
  if (!span || !Number.isInteger(lunar.day) || lunar.day < 1 || lunar.day > span.length) {
    throw new AppError(
      'VALIDATION',
      t(`Ngày âm lịch không tồn tại: ${label}`, `No such lunar date: ${label}`),
    );
  }
  return fromDayNumber(span.start + lunar.day - 1);
}

/** Number of days (29 or 30) of a lunar month; throws if the month does not exist. */
export function lunarMonthLength(year: number, month: number, leap = false): number {
  const span = findMonth(year, month, leap);
  if (!span) {
    throw new AppError(
      'VALIDATION',
      t(`Không có tháng âm lịch ${month}/${year}`, `No lunar month ${month}/${year}`),
    );
  }
  return span.length;
}

/** The leap month of a lunar year (the month number it repeats), or null. */
export function leapMonthOf(year: number): number | null {
  checkYear(year, 'lunar');
  const months = [...cycleEndingIn(year), ...cycleEndingIn(year + 1)].filter((m) => m.year === year);
  return months.find((m) => m.leap)?.month ?? null;
}

/** Tết Nguyên đán: the solar date of 1/1 of a lunar year. */
export function lunarNewYear(year: number): LocalDate {
  return lunarToSolar({ year, month: 1, day: 1, leap: false });
}

const STEMS = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'];
const BRANCHES = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'];

/** The sexagenary (can chi) name of a lunar year, e.g. 2026 → 'Bính Ngọ'. */
export function canChiOfYear(year: number): string {
  return `${STEMS[(((year + 6) % 10) + 10) % 10]} ${BRANCHES[(((year + 8) % 12) + 12) % 12]}`;
}

const MONTH_NAMES = ['Giêng', 'Hai', 'Ba', 'Tư', 'Năm', 'Sáu', 'Bảy', 'Tám', 'Chín', 'Mười', 'Một', 'Chạp'];

/** A lunar date written the Vietnamese way, e.g. 'mùng 1 tháng Giêng năm Bính Ngọ'. */
export function formatLunarVi(lunar: LunarDate): string {
  const day = lunar.day <= 10 ? `mùng ${lunar.day}` : String(lunar.day);
  const month = `tháng ${MONTH_NAMES[lunar.month - 1]}${lunar.leap ? ' nhuận' : ''}`;
  return `${day} ${month} năm ${canChiOfYear(lunar.year)}`;
}
