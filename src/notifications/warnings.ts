import type { WorkCalendar } from '../calendar/index.ts';
import { clockCatalog } from '../domain/clock-catalog.ts';
import type { DbOrTx } from '../store/db.ts';
import { liveClockCounts, openTaskCounts, type SupervisionScope } from '../store/supervision.ts';
import { shiftWorkingDays } from './working-day-shift.ts';

export interface WarningCounts {
  department: string | null;
  /** Yellow: due within one working day. */
  near: number;
  /** Red: past the limit. */
  missed: number;
  paused: number;
}

/** The government platforms' yellow and red warnings, counted per department (tasks and statutory clocks: a reminder clock is no limit of its own). */
export async function warningCounts(db: DbOrTx, calendar: WorkCalendar, now: Date, scope: SupervisionScope = {}): Promise<WarningCounts[]> {
  const nearEnd = shiftWorkingDays(calendar, now, 1).getTime();
  const t = now.getTime();
  const byDept = new Map<string | null, WarningCounts>();
  const entry = (d: string | null) => byDept.get(d) ?? byDept.set(d, { department: d, near: 0, missed: 0, paused: 0 }).get(d)!;
  for (const r of await openTaskCounts(db, scope, t, nearEnd)) {
    const e = entry(r.department);
    e.near += r.due_this_week;
    e.missed += r.overdue;
  }
  for (const r of await liveClockCounts(db, scope, t, nearEnd, clockCatalog().statutoryNames())) {
    const e = entry(r.department);
    e.near += r.due_this_week;
    e.missed += r.overdue;
    e.paused += r.paused;
  }
  return [...byDept.values()].sort((a, b) => String(a.department).localeCompare(String(b.department)));
}
