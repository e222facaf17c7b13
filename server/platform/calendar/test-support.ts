import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Test support: the shared reference data beside the repository (../shared/data/holidays),
 * read in place, never copied.
 */
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
export const holidaysDir = path.resolve(repoRoot, '..', 'shared', 'data', 'holidays');

export interface LunarTableRow {
  year: number;
  tet: string;
  lastDayOfYear: string;
  lastDayLunar: number;
  gioTo: string;
  weekdays: { tet: string; gioTo: string };
}

/** The "Lunar dates 2020–2035 (computed)" table of the holidays README. */
export function readLunarTable(): LunarTableRow[] {
  const text = fs.readFileSync(path.join(holidaysDir, 'README.md'), 'utf8');
  const rows: LunarTableRow[] = [];
  const re =
    /^\| (\d{4}) \| (\d{4}-\d{2}-\d{2}) \((\w{3})\) \| (\d{4}-\d{2}-\d{2}) \((\d{2})\/12 âm\) \| (\d{4}-\d{2}-\d{2}) \((\w{3})\) \|/gm;
  for (const m of text.matchAll(re)) {
    rows.push({
      year: Number(m[1]),
      tet: m[2],
      lastDayOfYear: m[4],
      lastDayLunar: Number(m[5]),
      gioTo: m[6],
      weekdays: { tet: m[3], gioTo: m[7] },
    });
  }
  return rows;
}

export interface OfficialEntry {
  year: number;
  holiday: 'tet_am_lich' | 'quoc_khanh';
  lunar_new_year?: string;
  break_start: string;
  break_end: string;
  holiday_days: string[];
  swapped_workdays: Array<{ day_off: string; worked_instead: string }>;
}

/** holidays_official_2024_2026.json: the announced Tết and Quốc khánh breaks. */
export function readOfficialBreaks(): OfficialEntry[] {
  const json = JSON.parse(
    fs.readFileSync(path.join(holidaysDir, 'holidays_official_2024_2026.json'), 'utf8'),
  );
  return json.entries as OfficialEntry[];
}

export interface StatutoryRule {
  id: string;
  calendar: 'solar' | 'lunar';
  month: number;
  day: number;
  days: number;
}

/** holiday_rules_vn.json: the statutory holidays of BLLĐ 2019 Đ112.1. */
export function readStatutoryRules(): StatutoryRule[] {
  const json = JSON.parse(fs.readFileSync(path.join(holidaysDir, 'holiday_rules_vn.json'), 'utf8'));
  return json.holidays as StatutoryRule[];
}
