import type { WorkCalendar } from '../../../calendar/index.ts';
import type { Clock } from '../../../clock.ts';
import { DUE_UNIT_WORDS, unitsUntil, type DueUnit } from '../../../domain/due-unit.ts';

/** Within this many (working or calendar) days a limit shows the yellow warning, as the government platforms do. */
export const NEAR_WORKING_DAYS = 1;

// The unit is the domain's (reminders count in it too); re-exported for the pages.
export { dueUnit, type DueUnit } from '../../../domain/due-unit.ts';

/** The time left before a deadline, in the unit its period counts, with its warning level. */
export function remaining(calendar: WorkCalendar, clock: Clock, dueAt: string | number | null, unit: DueUnit = 'working'): { days: number; level: 'ok' | 'near' | 'overdue'; text: string } | null {
  if (dueAt === null) return null;
  const due = new Date(dueAt);
  const now = clock.now();
  const left = unitsUntil(calendar, now, due, unit);
  const word = DUE_UNIT_WORDS[unit];
  if (unit === 'hours') {
    if (left <= 0) return { days: -1, level: 'overdue', text: `已逾期 ${Math.max(1, -left)} ${word}` };
    return { days: 0, level: left <= 24 ? 'near' : 'ok', text: `剩余 ${left} ${word}` };
  }
  if (left < 0 || due.getTime() <= now.getTime()) {
    const late = Math.max(1, -left);
    return { days: -late, level: 'overdue', text: `已逾期 ${late} ${word}` };
  }
  return { days: left, level: left <= NEAR_WORKING_DAYS ? 'near' : 'ok', text: left === 0 ? '今日到期' : `剩余 ${left} ${word}` };
}
