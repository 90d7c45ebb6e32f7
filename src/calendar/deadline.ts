/**
 * Statutory counting of time limits over a day-by-day calendar (see DOMAIN.md, "Statutory
 * steps and time limits"): the day of the triggering event is never counted; a working-day
 * limit ends on its nth working day; a calendar-day limit whose last day is a rest day ends
 * on the next working day — unless the limit is a maximum duration of a measure restricting a
 * right (e.g. a seizure, 行政强制法 art. 25 "不得超过三十日"), which ends on its last day whatever
 * day that is (`rollOver: false`). Every limit ends at 24:00 Shanghai time of its last day.
 */
import { addDays, dayNumber, fromDayNumber, shanghaiDate, shanghaiDateOfEnd } from './dates.ts';

export interface CalendarDay {
  date: string;
  workday: boolean;
  /** Chinese name of the holiday, the adjusted holiday, or the local closure, when known. */
  name?: string;
  /** A weekend day that is a working day by adjustment (调休上班). */
  adjusted?: boolean;
  /** A day off declared by the agency itself. */
  closure?: boolean;
  /** The day lies in a year whose official arrangement is not known yet. */
  provisional: boolean;
}

export type DayLookup = (date: string) => CalendarDay;

export interface Due {
  /** The last day of the limit, 'YYYY-MM-DD' in Shanghai. */
  due: string;
  /** 24:00 Shanghai time on `due`: the limit is missed from this instant on. */
  dueAt: Date;
  /** Some day the result depends on lies in a provisional year: recompute when it is loaded. */
  provisional: boolean;
}

/** The nth working day after `start`. */
export function addWorkingDays(lookup: DayLookup, start: string, n: number): { due: string; provisional: boolean } {
  let date = start;
  let provisional = false;
  for (let counted = 0; counted < n; ) {
    date = addDays(date, 1);
    const day = lookup(date);
    provisional ||= day.provisional;
    if (day.workday) counted++;
  }
  return { due: date, provisional };
}

/** `start` + n days, rolled forward to the next working day when that is a rest day (unless `rollOver` is false). */
export function addCalendarDays(lookup: DayLookup, start: string, n: number, rollOver = true): { due: string; provisional: boolean } {
  let day = lookup(addDays(start, n));
  let provisional = day.provisional;
  while (rollOver && !day.workday) {
    day = lookup(addDays(day.date, 1));
    provisional ||= day.provisional;
  }
  return { due: day.date, provisional };
}

/** Working days d with from < d ≤ to (0 when to ≤ from). */
export function countWorkingDays(lookup: DayLookup, from: string, to: string): number {
  let count = 0;
  for (let n = dayNumber(from) + 1, end = dayNumber(to); n <= end; n++) if (lookup(fromDayNumber(n)).workday) count++;
  return count;
}

/**
 * Whole working days left before `deadline`, as shown next to a task: the working days after
 * today up to the deadline's day, so 0 on the last day itself and n right after a PnWD limit
 * starts. Once the deadline has passed the answer is negative: minus the working days since
 * its day, and at least -1 so that an overdue limit never reads like one due today.
 */
export function remainingWorkingDays(lookup: DayLookup, now: Date, deadline: Date): number {
  if (now.getTime() < deadline.getTime()) {
    return countWorkingDays(lookup, shanghaiDate(now), shanghaiDateOfEnd(deadline));
  }
  return -Math.max(1, countWorkingDays(lookup, shanghaiDateOfEnd(deadline), shanghaiDate(now)));
}
