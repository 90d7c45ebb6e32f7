import type { WorkCalendar } from '../../../calendar/index.ts';
import type { Clock } from '../../../clock.ts';

/** Within this many working days a limit shows the yellow warning, as the government platforms do. */
export const NEAR_WORKING_DAYS = 1;

/** The time left before a deadline, in working days, with its warning level. */
export function remaining(calendar: WorkCalendar, clock: Clock, dueAt: string | number | null): { days: number; level: 'ok' | 'near' | 'overdue'; text: string } | null {
  if (dueAt === null) return null;
  const due = new Date(dueAt);
  const days = calendar.workingDaysBetween(clock.now(), due);
  if (days < 0) return { days, level: 'overdue', text: `已逾期 ${-days} 个工作日` };
  return { days, level: days <= NEAR_WORKING_DAYS ? 'near' : 'ok', text: days === 0 ? '今日到期' : `剩余 ${days} 个工作日` };
}
