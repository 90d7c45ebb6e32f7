import { shanghaiDate, type WorkCalendar } from '../../../calendar/index.ts';
import { shanghaiDateOfEnd } from '../../../calendar/dates.ts';
import type { Clock } from '../../../clock.ts';
import { clockCatalog } from '../../../domain/clock-catalog.ts';

/** Within this many (working or calendar) days a limit shows the yellow warning, as the government platforms do. */
export const NEAR_WORKING_DAYS = 1;

/** How a limit counts: working days (P5WD, most clocks), calendar days (P15CD: filing, the 90-day decision) or hours (PT24H). */
export type DueUnit = 'working' | 'calendar' | 'hours';

/**
 * The unit of a task's due date as the diagram wrote it: `clock:filing` as the clock catalog
 * says, a period by its suffix, a fixed day (a court application by …) in calendar days.
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

/** The time left before a deadline, in the unit its period counts, with its warning level. */
export function remaining(calendar: WorkCalendar, clock: Clock, dueAt: string | number | null, unit: DueUnit = 'working'): { days: number; level: 'ok' | 'near' | 'overdue'; text: string } | null {
  if (dueAt === null) return null;
  const due = new Date(dueAt);
  const now = clock.now();
  if (unit === 'hours') {
    const hours = Math.ceil((due.getTime() - now.getTime()) / 3_600_000);
    if (hours <= 0) return { days: -1, level: 'overdue', text: `已逾期 ${Math.max(1, -hours)} 小时` };
    return { days: 0, level: hours <= 24 ? 'near' : 'ok', text: `剩余 ${hours} 小时` };
  }
  const days = unit === 'calendar'
    ? (Date.parse(`${shanghaiDateOfEnd(due)}T00:00:00Z`) - Date.parse(`${shanghaiDate(now)}T00:00:00Z`)) / DAY_MS
    : calendar.workingDaysBetween(now, due);
  const word = unit === 'calendar' ? '日' : '个工作日';
  if (days < 0 || due.getTime() <= now.getTime()) {
    const late = Math.max(1, -days);
    return { days: -late, level: 'overdue', text: `已逾期 ${late} ${word}` };
  }
  return { days, level: days <= NEAR_WORKING_DAYS ? 'near' : 'ok', text: days === 0 ? '今日到期' : `剩余 ${days} ${word}` };
}
