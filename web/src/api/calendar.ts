import type { CalendarDay, CalendarOverride, CalendarYearSchema } from '../../../contracts/admin.js';
import type { z } from 'zod';
import { api, segment } from './client.js';

export type { CalendarDay, CalendarOverride };
export type CalendarYear = z.infer<typeof CalendarYearSchema>;

/** Reasons a day appears in a year view (server DayReason). */
export const DAY_REASONS = [
  'holiday',
  'compensation',
  'day_off',
  'makeup_workday',
  'weekly_rest',
  'working_day',
] as const;
export type DayReason = (typeof DAY_REASONS)[number];

/** Where a day comes from (server DayOrigin); only `stored` days can be deleted. */
export const DAY_ORIGINS = ['law', 'default', 'builtin', 'stored'] as const;
export type DayOrigin = (typeof DAY_ORIGINS)[number];

export const isDayReason = (v: string): v is DayReason => (DAY_REASONS as readonly string[]).includes(v);
export const isDayOrigin = (v: string | undefined): v is DayOrigin =>
  v !== undefined && (DAY_ORIGINS as readonly string[]).includes(v);

export function fetchCalendarYear(year: number, signal?: AbortSignal): Promise<CalendarYear> {
  return api.get<CalendarYear>(`/api/calendar/years/${segment(year)}`, { signal });
}

export function addCalendarOverride(body: CalendarOverride): Promise<unknown> {
  return api.post<unknown>('/api/calendar/overrides', body);
}

export function deleteCalendarOverride(date: string): Promise<void> {
  return api.delete<void>(`/api/calendar/overrides/${segment(date)}`);
}
