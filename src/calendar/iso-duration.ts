/**
 * Adding an ISO 8601 duration to an instant. Years and months are calendar units, applied to
 * the Shanghai wall-clock date and clamped to the month's end (1/31 + P1M = 2/28 or 2/29),
 * as java.time and Temporal do; weeks, days and the time part are exact lengths, which is
 * the same thing in Shanghai because it has no daylight saving.
 */
import { DAY_MS, SHANGHAI_OFFSET_MS, daysInMonth } from './dates.ts';
import type { IsoDuration } from './period.ts';

export function addIsoDuration(from: Date, d: IsoDuration): Date {
  // UTC fields of `wall` read as Shanghai wall-clock fields.
  const wall = new Date(from.getTime() + SHANGHAI_OFFSET_MS);
  const monthIndex = wall.getUTCMonth() + d.months + 12 * d.years;
  const year = wall.getUTCFullYear() + Math.floor(monthIndex / 12);
  const month = monthIndex % 12;
  const day = Math.min(wall.getUTCDate(), daysInMonth(year, month + 1));
  const shifted = new Date(wall.getTime());
  shifted.setUTCFullYear(year, month, day);
  const exact = (d.weeks * 7 + d.days) * DAY_MS + ((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000;
  return new Date(shifted.getTime() + exact - SHANGHAI_OFFSET_MS);
}
