import { shanghaiDate, type WorkCalendar } from '../calendar/index.ts';
import { shanghaiDateOfEnd } from '../calendar/dates.ts';
import { clockCatalog } from './clock-catalog.ts';

/** How a limit counts: working days (P5WD, most clocks), calendar days (P15CD: filing, the 90-day decision) or hours (PT24H). */
export type DueUnit = 'working' | 'calendar' | 'hours';

/** The words after the number: 剩余 3 个工作日, 剩余 3 日, 剩余 3 小时. */
export const DUE_UNIT_WORDS: Record<DueUnit, string> = { working: '个工作日', calendar: '日', hours: '小时' };

/**
 * The unit of a due date as the diagram wrote it: `clock:filing` as the clock catalog says, a
 * period by its suffix, a fixed day (a court application by …) in calendar days. Pages and
 * reminders read a deadline in this one unit.
 */
export function dueUnit(spec: string | null | undefined): DueUnit {
  if (!spec) return 'working';
  const clock = /^clock:(.+)$/.exec(spec);
  if (clock) return clockCatalog().days(clock[1]!);
  if (/^P\d+WD$/.test(spec)) return 'working';
  if (/^P\d+CD$/.test(spec)) return 'calendar';
  if (/^PT\d+H$/.test(spec)) return 'hours';
  return 'calendar';
}

const DAY_MS = 86_400_000;

/**
 * From `from` to the deadline `due`, in `unit`: working days as the calendar counts them, calendar
 * days from `from`'s day to the deadline's last day (due at 24:00 on the 18th: the 18th), whole
 * hours rounded up. Negative once the deadline has passed.
 */
export function unitsUntil(calendar: WorkCalendar, from: Date, due: Date, unit: DueUnit): number {
  if (unit === 'hours') return Math.ceil((due.getTime() - from.getTime()) / 3_600_000);
  if (unit === 'calendar') return (Date.parse(`${shanghaiDateOfEnd(due)}T00:00:00Z`) - Date.parse(`${shanghaiDate(from)}T00:00:00Z`)) / DAY_MS;
  return calendar.workingDaysBetween(from, due);
}
