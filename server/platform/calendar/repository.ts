import type { DbOrTx } from '../db/database.js';
import { sql } from '../db/database.js';
import { AppError, t } from '../errors/app-error.js';
import { type CalendarOptions, createCalendar, type DayInfo, type WorkingCalendar } from './calendar.js';
import { dayNumberOf, formatVi, fromDayNumber, type LocalDate, toDayNumber } from './local-date.js';
import { lunarNewYear } from './lunar.js';
import { type CalendarOverride, DECIDED_HOLIDAYS, type DecidedHolidayId } from './rules.js';

/**
 * Storage of the overrides administrators enter (platform.calendar_overrides), and the
 * calendar built from the built-in configuration plus those rows (stored rows win).
 */
export interface StoredOverride extends CalendarOverride {
  holidayId: DecidedHolidayId | null;
  source: string | null;
  createdBy: string;
  createdAt: Date;
}

export interface NewOverride {
  date: LocalDate;
  kind: 'day_off' | 'workday';
  holidayId?: DecidedHolidayId | null;
  name: string;
  basis: string;
  source?: string | null;
  /** The user who entered it (id as text, as in the audit log). */
  createdBy: string;
}

interface Row {
  date: string | Date;
  kind: 'day_off' | 'workday';
  holiday_id: DecidedHolidayId | null;
  name: string;
  basis: string;
  source: string | null;
  created_by: string;
  created_at: Date | string;
}

// The database layer returns `date` columns as 'YYYY-MM-DD'; a driver without that parser gives
// a Date at local midnight of the server, read back with local getters.
const asLocalDate = (v: string | Date): LocalDate =>
  typeof v === 'string'
    ? v.slice(0, 10)
    : fromDayNumber(dayNumberOf(v.getFullYear(), v.getMonth() + 1, v.getDate()));

const fromRow = (r: Row): StoredOverride => ({
  date: asLocalDate(r.date),
  kind: r.kind,
  holidayId: r.holiday_id,
  name: r.name,
  basis: r.basis,
  source: r.source,
  createdBy: r.created_by,
  createdAt: r.created_at instanceof Date ? r.created_at : new Date(r.created_at),
});

const invalid = (vi: string, en: string) => new AppError('VALIDATION', t(vi, en));

function validate(input: NewOverride): NewOverride {
  toDayNumber(input.date);
  if (input.kind !== 'day_off' && input.kind !== 'workday') {
    throw invalid(`Loại ngày không hợp lệ: ${input.kind}`, `Invalid kind: ${input.kind}`);
  }
  const name = input.name?.trim() ?? '';
  const basis = input.basis?.trim() ?? '';
  const createdBy = input.createdBy?.trim() ?? '';
  if (!name || name.length > 200)
    throw invalid('Tên ngày phải có, tối đa 200 ký tự', 'Name is required, at most 200 characters');
  if (!basis || basis.length > 500) {
    throw invalid(
      'Căn cứ pháp lý phải có, tối đa 500 ký tự',
      'Legal basis is required, at most 500 characters',
    );
  }
  if (!createdBy) throw invalid('Thiếu người nhập', 'createdBy is required');
  const holidayId = input.holidayId ?? null;
  if (holidayId) {
    if (!DECIDED_HOLIDAYS.includes(holidayId)) {
      throw invalid(`Ngày lễ không hợp lệ: ${holidayId}`, `Invalid holiday: ${holidayId}`);
    }
    if (input.kind !== 'day_off') {
      throw invalid('Chỉ ngày nghỉ mới gắn được với ngày lễ', 'Only a day off can be tagged with a holiday');
    }
    if (holidayId === 'quoc_khanh' && !/-09-0[13]$/.test(input.date)) {
      throw invalid(
        'Ngày liền kề Quốc khánh phải là 01/9 hoặc 03/9',
        'The day adjacent to 2/9 must be 1/9 or 3/9',
      );
    }
    if (holidayId === 'tet_am_lich') {
      const tet = lunarNewYear(Number(input.date.slice(0, 4)));
      if (Math.abs(toDayNumber(input.date) - toDayNumber(tet)) > 10) {
        throw invalid(
          `Ngày Tết phải trong khoảng 10 ngày quanh Tết Nguyên đán (${formatVi(tet)})`,
          `A Tết day must be within 10 days of the lunar new year (${tet})`,
        );
      }
    }
  }
  return { ...input, name, basis, createdBy, holidayId, source: input.source?.trim() || null };
}

/** Stored overrides, optionally of one year or a date range (inclusive), in date order. */
export async function listOverrides(
  db: DbOrTx,
  filter: { year?: number; from?: LocalDate; to?: LocalDate } = {},
): Promise<StoredOverride[]> {
  let from = filter.from ?? null;
  let to = filter.to ?? null;
  if (filter.year !== undefined) {
    if (!Number.isInteger(filter.year))
      throw invalid(`Năm không hợp lệ: ${filter.year}`, `Invalid year: ${filter.year}`);
    from = `${String(filter.year).padStart(4, '0')}-01-01`;
    to = `${String(filter.year).padStart(4, '0')}-12-31`;
  }
  if (from) toDayNumber(from);
  if (to) toDayNumber(to);
  const r = await sql<Row>`
    select date, kind, holiday_id, name, basis, source, created_by, created_at
    from platform.calendar_overrides
    where (${from}::date is null or date >= ${from}::date)
      and (${to}::date is null or date <= ${to}::date)
    order by date`.execute(db);
  return r.rows.map(fromRow);
}

/** Adds an override; CONFLICT if the date already has one (remove it first to change it). */
export async function addOverride(db: DbOrTx, input: NewOverride): Promise<StoredOverride> {
  const o = validate(input);
  const r = await sql<Row>`
    insert into platform.calendar_overrides (date, kind, holiday_id, name, basis, source, created_by)
    values (${o.date}::date, ${o.kind}, ${o.holidayId ?? null}, ${o.name}, ${o.basis}, ${o.source ?? null}, ${o.createdBy})
    on conflict (date) do nothing
    returning date, kind, holiday_id, name, basis, source, created_by, created_at`.execute(db);
  if (!r.rows[0]) {
    throw new AppError(
      'CONFLICT',
      t(`Ngày ${formatVi(o.date)} đã có điều chỉnh lịch`, `${o.date} already has a calendar override`),
      { date: o.date },
    );
  }
  return fromRow(r.rows[0]);
}

/** Removes the override of a date and returns it; NOT_FOUND if there is none. */
export async function removeOverride(db: DbOrTx, date: LocalDate): Promise<StoredOverride> {
  toDayNumber(date);
  const r = await sql<Row>`
    delete from platform.calendar_overrides where date = ${date}::date
    returning date, kind, holiday_id, name, basis, source, created_by, created_at`.execute(db);
  if (!r.rows[0]) {
    throw new AppError(
      'NOT_FOUND',
      t(`Ngày ${formatVi(date)} không có điều chỉnh lịch`, `No calendar override on ${date}`),
      {
        date,
      },
    );
  }
  return fromRow(r.rows[0]);
}

/** The working calendar: statutory rules + built-in decisions + every stored override. */
export async function loadCalendar(
  db: DbOrTx,
  options: Omit<CalendarOptions, 'overrides'> = {},
): Promise<WorkingCalendar> {
  const stored = await listOverrides(db);
  return createCalendar({ ...options, overrides: stored });
}

/** The admin page's view of a year, from the stored calendar. */
export async function yearView(db: DbOrTx, year: number): Promise<DayInfo[]> {
  return (await loadCalendar(db)).yearView(year);
}
