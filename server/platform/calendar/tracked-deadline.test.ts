import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors/app-error.js';
import { builtinCalendar } from './calendar.js';
import { addDays, type LocalDate, vnInstant as at } from './local-date.js';
import type { Deadline } from './tracked-deadline.js';

const cal = builtinCalendar();
const threeDays = { unit: 'working_days', amount: 3 } as const;

const errorCode = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return isAppError(e) ? e.code : 'other';
  }
  return 'none';
};

describe('Deadline with pause and resume (chờ bổ sung hồ sơ)', () => {
  it('starts with the due date of its unit and keeps the original due date', () => {
    const d = cal.startDeadline(threeDays, at('2026-03-02', '09:00'));
    expect(d).toMatchObject({
      startDate: '2026-03-02',
      originalDue: '2026-03-05',
      due: '2026-03-05',
      pauses: [],
    });
    expect(cal.deadlineStatus(d, at('2026-03-02', '10:00'))).toMatchObject({
      state: 'on_track',
      daysLeft: 3,
    });
  });

  it('does not count the paused working days and records the old and new due dates', () => {
    let d = cal.startDeadline(threeDays, at('2026-03-02', '09:00'));
    d = cal.pauseDeadline(d, at('2026-03-03', '10:00'), 'Thiếu bản sao giấy tờ tùy thân');
    expect(cal.deadlineStatus(d, at('2026-03-04', '10:00'))).toMatchObject({
      state: 'paused',
      overdue: false,
    });
    d = cal.resumeDeadline(d, at('2026-03-06', '09:00'));
    // Tuesday was used before the pause; two days remain after Friday: Monday and Tuesday.
    expect(d.due).toBe('2026-03-10');
    expect(d.originalDue).toBe('2026-03-05');
    expect(d.pauses).toEqual([
      expect.objectContaining({
        pausedOn: '2026-03-03',
        reason: 'Thiếu bản sao giấy tờ tùy thân',
        remaining: 2,
        dueBefore: '2026-03-05',
        resumedFrom: '2026-03-06',
        dueAfter: '2026-03-10',
      }),
    ]);
  });

  it('a supplement arriving after 15:00 restarts the count on the next working day', () => {
    let d = cal.startDeadline(threeDays, at('2026-03-02', '09:00'));
    d = cal.pauseDeadline(d, at('2026-03-03', '10:00'));
    d = cal.resumeDeadline(d, at('2026-03-06', '15:30'));
    expect(d.pauses[0].resumedFrom).toBe('2026-03-09');
    expect(d.due).toBe('2026-03-11');
  });

  it('a file paused twice is never flagged overdue before its extended due date (OpenCPS #1254)', () => {
    let d = cal.startDeadline(threeDays, at('2026-03-02', '09:00'));
    d = cal.pauseDeadline(d, at('2026-03-03', '10:00'), 'Yêu cầu bổ sung lần 1');
    d = cal.resumeDeadline(d, at('2026-03-16', '09:00'));
    expect(d.due).toBe('2026-03-18');
    d = cal.pauseDeadline(d, at('2026-03-17', '10:00'), 'Yêu cầu bổ sung lần 2');
    d = cal.resumeDeadline(d, at('2026-03-30', '09:00'));
    expect(d.due).toBe('2026-03-31');
    expect(d.pauses.map((p) => [p.dueBefore, p.dueAfter])).toEqual([
      ['2026-03-05', '2026-03-18'],
      ['2026-03-18', '2026-03-31'],
    ]);
    // Replay the whole history day by day: never overdue until the final due date has passed.
    const history: Array<[LocalDate, Deadline]> = [];
    let replay = cal.startDeadline(threeDays, at('2026-03-02', '09:00'));
    const events: Array<[LocalDate, (x: Deadline) => Deadline]> = [
      ['2026-03-03', (x) => cal.pauseDeadline(x, at('2026-03-03', '10:00'))],
      ['2026-03-16', (x) => cal.resumeDeadline(x, at('2026-03-16', '09:00'))],
      ['2026-03-17', (x) => cal.pauseDeadline(x, at('2026-03-17', '10:00'))],
      ['2026-03-30', (x) => cal.resumeDeadline(x, at('2026-03-30', '09:00'))],
    ];
    for (let day = '2026-03-02'; day <= '2026-04-01'; day = addDays(day, 1)) {
      for (const [when, apply] of events) if (when === day) replay = apply(replay);
      history.push([day, replay]);
    }
    for (const [day, state] of history) {
      const status = cal.deadlineStatus(state, at(day, '23:00'));
      expect(status.overdue, day).toBe(day > '2026-03-31');
    }
    expect(cal.deadlineStatus(d, at('2026-03-31', '16:00')).state).toBe('due_today');
    expect(cal.deadlineStatus(d, at('2026-04-01', '08:00'))).toMatchObject({ state: 'overdue', daysLate: 1 });
  });

  it('a file received today is not overdue today (same-day deadline)', () => {
    const d = cal.startDeadline({ unit: 'working_days', amount: 0 }, at('2026-03-06', '10:00'));
    expect(d.due).toBe('2026-03-06');
    expect(cal.deadlineStatus(d, at('2026-03-06', '23:59'))).toMatchObject({
      state: 'due_today',
      overdue: false,
    });
    const late = cal.startDeadline({ unit: 'working_days', amount: 0 }, at('2026-03-06', '16:00'));
    expect(late.due).toBe('2026-03-09');
    expect(cal.deadlineStatus(late, at('2026-03-07', '10:00')).overdue).toBe(false);
  });

  it('a pause resumed the same day before 15:00 changes nothing', () => {
    let d = cal.startDeadline(threeDays, at('2026-03-02', '09:00'));
    d = cal.pauseDeadline(d, at('2026-03-03', '09:00'));
    d = cal.resumeDeadline(d, at('2026-03-03', '11:00'));
    expect(d.due).toBe('2026-03-05');
  });

  it('a pause does not pardon a deadline already missed', () => {
    let d = cal.startDeadline(threeDays, at('2026-03-02', '09:00'));
    d = cal.pauseDeadline(d, at('2026-03-09', '10:00'));
    expect(cal.deadlineStatus(d, at('2026-03-10', '10:00'))).toMatchObject({
      state: 'overdue',
      paused: true,
      daysLate: 2,
    });
    d = cal.resumeDeadline(d, at('2026-03-20', '09:00'));
    expect(d.due).toBe('2026-03-05');
    expect(cal.deadlineStatus(d, at('2026-03-20', '10:00')).overdue).toBe(true);
  });

  it('pauses a calendar-day deadline by calendar days', () => {
    let d = cal.startDeadline({ unit: 'calendar_days', amount: 10 }, at('2026-03-02', '09:00'));
    expect(d.due).toBe('2026-03-12');
    d = cal.pauseDeadline(d, at('2026-03-04', '10:00'));
    d = cal.resumeDeadline(d, at('2026-03-09', '09:00'));
    expect(d.due).toBe('2026-03-17');
  });

  it('survives a JSON round trip (stored as jsonb by the modules)', () => {
    let d = cal.startDeadline(threeDays, at('2026-03-02', '09:00'));
    d = JSON.parse(JSON.stringify(cal.pauseDeadline(d, at('2026-03-03', '10:00'))));
    d = cal.resumeDeadline(d, at('2026-03-06', '09:00'));
    expect(d.due).toBe('2026-03-10');
  });

  it('refuses impossible transitions', () => {
    const d = cal.startDeadline(threeDays, at('2026-03-02', '09:00'));
    const paused = cal.pauseDeadline(d, at('2026-03-03', '10:00'));
    expect(errorCode(() => cal.resumeDeadline(d, at('2026-03-04', '10:00')))).toBe('INVALID_STATE');
    expect(errorCode(() => cal.pauseDeadline(paused, at('2026-03-04', '10:00')))).toBe('INVALID_STATE');
    expect(errorCode(() => cal.resumeDeadline(paused, at('2026-03-03', '09:00')))).toBe('VALIDATION');
    expect(errorCode(() => cal.pauseDeadline(d, at('2026-03-01', '09:00')))).toBe('VALIDATION');
    expect(
      errorCode(() => cal.startDeadline({ unit: 'hours' as never, amount: 3 }, at('2026-03-02', '09:00'))),
    ).toBe('VALIDATION');
  });
});
