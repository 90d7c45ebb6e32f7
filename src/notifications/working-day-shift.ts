import { addDays, DAY_MS, SHANGHAI_OFFSET_MS, shanghaiDate, startOfShanghaiDay } from '../calendar/dates.ts';
import type { WorkCalendar } from '../calendar/index.ts';

/**
 * The same time of day `n` working days later (n > 0) or earlier (n < 0), in Shanghai: a reminder
 * one working day before a limit that ends at 24:00 on Friday comes at 24:00 on Thursday, and one
 * before Monday's limit comes on the Friday (or the last working day before a holiday).
 */
export function shiftWorkingDays(calendar: WorkCalendar, at: Date, n: number): Date {
  if (n === 0) return at;
  const timeOfDay = (((at.getTime() + SHANGHAI_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
  // A limit at 24:00 is the end of its day: count from that day, not the next.
  let date = timeOfDay === 0 ? addDays(shanghaiDate(at), -1) : shanghaiDate(at);
  const offset = timeOfDay === 0 ? DAY_MS : timeOfDay;
  const step = n > 0 ? 1 : -1;
  for (let left = Math.abs(n); left > 0; ) {
    date = addDays(date, step);
    if (calendar.day(date).workday) left--;
  }
  return new Date(startOfShanghaiDay(date).getTime() + offset);
}
