import { endOfShanghaiDay, shanghaiDate, type WorkCalendar } from '../calendar/index.ts';

/** "This week" runs to 24:00 Shanghai on the Sunday of the current (Monday-first) week. */
export function endOfWeek(now: Date): { lastDay: string; end: Date } {
  const today = shanghaiDate(now);
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
  const lastDay = new Date(Date.parse(`${today}T00:00:00Z`) + ((7 - weekday) % 7) * 86_400_000).toISOString().slice(0, 10);
  return { lastDay, end: endOfShanghaiDay(lastDay) };
}

/** Working days left this week, today included: adjusted working weekends count, holidays do not. */
export function workingDaysLeft(calendar: WorkCalendar, now: Date, lastDay: string): number {
  let n = 0;
  for (let d = shanghaiDate(now); d <= lastDay; d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)) {
    if (calendar.day(d).workday) n++;
  }
  return n;
}
