/**
 * Calendar dates are 'YYYY-MM-DD' strings reckoned in Asia/Shanghai. China has kept UTC+8
 * without daylight saving since 1991, so a fixed offset is exact for every supported date and
 * nothing here depends on the server's TZ or on ICU time-zone data being installed.
 */
import { CalendarInputError } from './errors.ts';

export const DAY_MS = 86_400_000;
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export interface IsoDate {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1];
}

/** Parses 'YYYY-MM-DD', refusing dates that do not exist (2026-02-30) rather than rolling them over. */
export function parseIsoDate(s: unknown): IsoDate {
  const match = typeof s === 'string' ? ISO_DATE.exec(s) : null;
  if (!match) {
    throw new CalendarInputError(`「${String(s)}」不是 YYYY-MM-DD 格式的日期`);
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new CalendarInputError(`${s} 不是存在的日期`);
  }
  return { year, month, day };
}

/** Days since 1970-01-01; lets the calendar step through dates with integer arithmetic. */
export function dayNumber(date: string): number {
  const { year, month, day } = parseIsoDate(date);
  const t = new Date(0);
  t.setUTCFullYear(year, month - 1, day); // unlike Date.UTC, correct for years below 100 too
  return Math.round(t.getTime() / DAY_MS);
}

export function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, n: number): string {
  return fromDayNumber(dayNumber(date) + n);
}

/** 0 = Sunday … 6 = Saturday, as in Date#getDay. 1970-01-01 was a Thursday. */
export function weekday(date: string): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: string): boolean {
  const d = weekday(date);
  return d === 0 || d === 6;
}

export function assertInstant(instant: unknown, what = 'instant'): asserts instant is Date {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new CalendarInputError(`${what} is not a valid point in time: ${String(instant)}`);
  }
}

/** The Shanghai calendar date containing `instant`. */
export function shanghaiDate(instant: Date): string {
  assertInstant(instant);
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The Shanghai date a deadline instant belongs to: like shanghaiDate, except that 24:00 (the
 * `dueAt` of a day, which is technically next day 00:00) still belongs to the day it ends.
 */
export function shanghaiDateOfEnd(instant: Date): string {
  assertInstant(instant);
  return shanghaiDate(new Date(instant.getTime() - 1));
}

/** 24:00 Shanghai time on `date`, i.e. the next day's 00:00 +08:00: the last instant a deadline allows. */
export function endOfShanghaiDay(date: string): Date {
  return new Date((dayNumber(date) + 1) * DAY_MS - SHANGHAI_OFFSET_MS);
}

/** 00:00 Shanghai time on `date`. */
export function startOfShanghaiDay(date: string): Date {
  return new Date(dayNumber(date) * DAY_MS - SHANGHAI_OFFSET_MS);
}
