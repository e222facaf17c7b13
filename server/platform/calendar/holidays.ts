import { AppError, t } from '../errors/app-error.js';
import {
  dayNumberOf,
  formatVi,
  fromDayNumber,
  partsOf,
  toDayNumber,
  WEEKDAY_NAMES_VI,
  type Weekday,
  weekdayOfDay,
} from './local-date.js';
import { formatLunarVi, lunarNewYear, lunarToSolar, solarToLunar } from './lunar.js';
import type { CalendarOverride, DecidedHolidayId, HolidayId, HolidayRule, HolidayRuleSet } from './rules.js';

/**
 * Builds, year by year, the table of special days: statutory holidays (with the yearly
 * decisions or the default pattern), compensation days, and the overrides. Days absent from
 * the table follow the weekly pattern (Saturday and Sunday off).
 */
export type DayKind = 'holiday' | 'compensation' | 'day_off' | 'workday';

/** Where an entry comes from: the statute itself, a default pattern, built-in or stored overrides. */
export type DayOrigin = 'law' | 'default' | 'builtin' | 'stored';

export interface DayEntry {
  date: string;
  kind: DayKind;
  holidayId?: HolidayId;
  name: string;
  basis: string;
  /** True when the day comes from a default pattern because no official decision was entered. */
  provisional: boolean;
  origin: DayOrigin;
  source?: string;
}

export type SourcedOverride = CalendarOverride & { origin: 'builtin' | 'stored' };

/**
 * Merges built-in and stored overrides: per date the stored one wins, and a stored decision for
 * a decided holiday of a year (any stored day tagged `tet_am_lich` or `quoc_khanh` in that year)
 * replaces the built-in decision for that holiday and year as a whole.
 */
export function mergeOverrides(
  builtin: readonly CalendarOverride[],
  stored: readonly CalendarOverride[],
): SourcedOverride[] {
  const groupKey = (o: CalendarOverride) => (o.holidayId ? `${o.date.slice(0, 4)}:${o.holidayId}` : null);
  const storedGroups = new Set(stored.map(groupKey).filter((k) => k !== null));
  const byDate = new Map<string, SourcedOverride>();
  for (const o of builtin) {
    const key = groupKey(o);
    if (key && storedGroups.has(key)) continue;
    byDate.set(o.date, { ...o, origin: 'builtin' });
  }
  for (const o of stored) byDate.set(o.date, { ...o, origin: 'stored' });
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

interface Occurrence {
  day: number;
  rule: HolidayRule;
  ruleSet: HolidayRuleSet;
  name: string;
  basis: string;
  provisional: boolean;
  origin: DayOrigin;
  source?: string;
}

export interface HolidayTableConfig {
  ruleSets: readonly HolidayRuleSet[];
  overrides: readonly SourcedOverride[];
  restDays: readonly Weekday[];
}

export class HolidayTable {
  private readonly years = new Map<number, Map<number, DayEntry>>();
  private readonly ranges: Array<{ set: HolidayRuleSet; from: number; to: number }>;
  private readonly overridesByYear = new Map<number, SourcedOverride[]>();
  private readonly rest: Set<number>;

  constructor(config: HolidayTableConfig) {
    this.ranges = config.ruleSets.map((set) => ({
      set,
      from: toDayNumber(set.validFrom),
      to: set.validTo ? toDayNumber(set.validTo) : Number.POSITIVE_INFINITY,
    }));
    for (const o of config.overrides) {
      const year = Number(o.date.slice(0, 4));
      const list = this.overridesByYear.get(year) ?? [];
      list.push(o);
      this.overridesByYear.set(year, list);
    }
    this.rest = new Set(config.restDays);
  }

  isRestDay(day: number): boolean {
    return this.rest.has(weekdayOfDay(day));
  }

  /** The rule set in force on a day, or a VALIDATION error outside the calendar's coverage. */
  ruleSetOn(day: number): HolidayRuleSet {
    const hit = this.ranges.find((r) => day >= r.from && day < r.to);
    if (!hit) {
      const first = Math.min(...this.ranges.map((r) => r.from));
      throw new AppError(
        'VALIDATION',
        t(
          `Ngày ${formatVi(fromDayNumber(day))} nằm ngoài phạm vi của lịch ngày làm việc (từ ${formatVi(fromDayNumber(first))})`,
          `${fromDayNumber(day)} is outside the working-day calendar (which starts ${fromDayNumber(first)})`,
        ),
        { date: fromDayNumber(day) },
      );
    }
    return hit.set;
  }

  /** The special-day entry of a day, if any. Throws outside the coverage. */
  entryOf(day: number): DayEntry | undefined {
    this.ruleSetOn(day);
    return this.year(partsOf(day).year).get(day);
  }

  isWorking(day: number): boolean {
    const entry = this.entryOf(day);
    if (entry) return entry.kind === 'workday';
    return !this.isRestDay(day);
  }

  /** All special days of a year, in date order. */
  entriesOfYear(year: number): DayEntry[] {
    return [...this.year(year).entries()].sort((a, b) => a[0] - b[0]).map(([, e]) => e);
  }

  private year(year: number): Map<number, DayEntry> {
    let table = this.years.get(year);
    if (!table) {
      table = this.build(year);
      this.years.set(year, table);
    }
    return table;
  }

  private covered(day: number): HolidayRuleSet | undefined {
    return this.ranges.find((r) => day >= r.from && day < r.to)?.set;
  }

  private build(year: number): Map<number, DayEntry> {
    const overrides = this.overridesByYear.get(year) ?? [];
    const occurrences: Occurrence[] = [];
    const seenRules = new Set<string>();
    const sets = this.ranges
      .filter((r) => r.from <= dayNumberOf(year, 12, 31) && r.to > dayNumberOf(year, 1, 1))
      .map((r) => r.set);
    for (const set of sets) {
      for (const rule of set.holidays) {
        for (const occ of this.occurrencesOf(rule, set, year, overrides)) {
          const key = `${rule.id}:${occ.day}`;
          if (this.covered(occ.day) !== set || seenRules.has(key)) continue;
          seenRules.add(key);
          occurrences.push(occ);
        }
      }
    }
    occurrences.sort((a, b) => a.day - b.day);

    const table = new Map<number, DayEntry>();
    const holidayDays = new Set(occurrences.map((o) => o.day));
    const compensationDays = new Set<number>();
    for (const occ of occurrences) {
      const duplicate = table.has(occ.day);
      if (!duplicate) table.set(occ.day, this.holidayEntry(occ));
      // A holiday on a weekly rest day (or on a day already taken by another holiday)
      // is compensated on the next working day (BLLĐ 2019 Đ111.3).
      if (!duplicate && !this.isRestDay(occ.day)) continue;
      let d = occ.day + 1;
      while (this.isRestDay(d) || holidayDays.has(d) || compensationDays.has(d)) d++;
      compensationDays.add(d);
      const clash = duplicate ? table.get(occ.day)!.name : WEEKDAY_NAMES_VI[weekdayOfDay(occ.day)];
      table.set(d, {
        date: fromDayNumber(d),
        kind: 'compensation',
        holidayId: occ.rule.id,
        name: `Nghỉ bù ${occ.name}, trùng ${clash} ${formatVi(fromDayNumber(occ.day))}`,
        basis: occ.ruleSet.compensationBasis,
        provisional: occ.provisional,
        origin: occ.origin === 'default' ? 'default' : 'law',
      });
    }

    for (const o of overrides) {
      const day = toDayNumber(o.date);
      if (o.holidayId && table.get(day)?.holidayId === o.holidayId && table.get(day)?.kind === 'holiday')
        continue;
      table.set(day, {
        date: o.date,
        kind: o.kind,
        name: o.name,
        basis: o.basis,
        provisional: false,
        origin: o.origin,
        ...(o.source ? { source: o.source } : {}),
      });
    }
    return table;
  }

  private holidayEntry(occ: Occurrence): DayEntry {
    return {
      date: fromDayNumber(occ.day),
      kind: 'holiday',
      holidayId: occ.rule.id,
      name: occ.name,
      basis: occ.basis,
      provisional: occ.provisional,
      origin: occ.origin,
      ...(occ.source ? { source: occ.source } : {}),
    };
  }

  private occurrencesOf(
    rule: HolidayRule,
    set: HolidayRuleSet,
    year: number,
    overrides: readonly SourcedOverride[],
  ): Occurrence[] {
    const base = { rule, ruleSet: set, basis: rule.basis, provisional: false, origin: 'law' as DayOrigin };
    const decided = (id: DecidedHolidayId) =>
      overrides
        .filter((o) => o.kind === 'day_off' && o.holidayId === id)
        .sort((a, b) => (a.date < b.date ? -1 : 1));
    const fromOverride = (o: SourcedOverride): Occurrence => ({
      ...base,
      day: toDayNumber(o.date),
      name: o.name,
      basis: `${rule.basis}; ${o.basis}`,
      origin: o.origin,
      ...(o.source ? { source: o.source } : {}),
    });

    if (rule.kind === 'fixed') {
      const day =
        rule.calendar === 'solar'
          ? dayNumberOf(year, rule.month, rule.day)
          : toDayNumber(lunarToSolar({ year, month: rule.month, day: rule.day, leap: false }));
      const label = rule.calendar === 'lunar' ? ` (${rule.day}/${rule.month} âm lịch)` : '';
      return [{ ...base, day, name: `${rule.name}${label}` }];
    }

    if (rule.kind === 'lunar_new_year') {
      const chosen = decided('tet_am_lich');
      if (chosen.length > 0) return chosen.map(fromOverride);
      const tet = toDayNumber(lunarNewYear(year));
      const lastDayOfOldYear = solarToLunar(fromDayNumber(tet - 1)).day;
      const first = tet - 1 - (lastDayOfOldYear - set.tetDefault.firstDayOfLastMonth);
      return Array.from({ length: rule.days }, (_, i) => {
        const day = first + i;
        return {
          ...base,
          day,
          name: `${rule.name} (${formatLunarVi(solarToLunar(fromDayNumber(day)))})`,
          basis: `${rule.basis}; ${set.tetDefault.basis}`,
          provisional: true,
          origin: 'default' as DayOrigin,
        };
      });
    }

    const nationalDay = dayNumberOf(year, 9, 2);
    const result: Occurrence[] = [{ ...base, day: nationalDay, name: `${rule.name} (2/9)` }];
    if (rule.days === 2) {
      const chosen = decided('quoc_khanh');
      if (chosen.length > 0) return [...result, ...chosen.map(fromOverride)];
      const side = set.nationalDayDefault.adjacentByWeekday[weekdayOfDay(nationalDay)];
      result.push({
        ...base,
        day: side === 'before' ? nationalDay - 1 : nationalDay + 1,
        name: `${rule.name} (ngày liền kề)`,
        basis: `${rule.basis}; ${set.nationalDayDefault.basis}`,
        provisional: true,
        origin: 'default',
      });
    }
    return result;
  }
}
