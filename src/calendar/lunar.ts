/**
 * Chinese lunar dates to Gregorian dates, for the statutory festivals of years that have no
 * published arrangement yet.
 *
 * `chinese-days` carries the usual 1900–2100 lunar table but its own conversion functions
 * build dates in the server's local time zone (getSolarDateFromLunar('2027-01-01') answers
 * 2027-02-07 under America/Los_Angeles). Its `monthDays` and `getYearLeapMonth` are pure
 * arithmetic on the table, so we use only those and do the date arithmetic ourselves.
 * The results were checked against astronomical new moons (Beijing time) for the first,
 * fifth and eighth months of 2004–2100, and the tests check them against the official
 * arrangements of 2008–2026.
 */
import chineseDays from 'chinese-days';
import { addDays, dayNumber, fromDayNumber } from './dates.ts';

const FIRST_LUNAR_YEAR = 1900;
const LAST_LUNAR_YEAR = 2100;
/** Lunar 1900-01-01 (the first day the table describes). */
const TABLE_EPOCH = dayNumber('1900-01-31');

const yearLengths = new Map<number, number>();

function leapMonthOf(lunarYear: number): { month: number; days: number } {
  const info = chineseDays.getYearLeapMonth(lunarYear);
  return { month: info.leapMonth ?? 0, days: info.days };
}

function lunarYearLength(lunarYear: number): number {
  let length = yearLengths.get(lunarYear);
  if (length === undefined) {
    length = leapMonthOf(lunarYear).days;
    for (let m = 1; m <= 12; m++) length += chineseDays.monthDays(lunarYear, m);
    yearLengths.set(lunarYear, length);
  }
  return length;
}

/**
 * The Gregorian date of day `day` of the ordinary (non-leap) month `month` of `lunarYear`.
 * Festivals always fall in ordinary months, so leap months are only skipped over.
 */
export function lunarToSolar(lunarYear: number, month: number, day: number): string {
  if (!Number.isInteger(lunarYear) || lunarYear < FIRST_LUNAR_YEAR || lunarYear > LAST_LUNAR_YEAR) {
    throw new RangeError(`lunar year ${lunarYear} is outside the table (${FIRST_LUNAR_YEAR}–${LAST_LUNAR_YEAR})`);
  }
  let offset = 0;
  for (let y = FIRST_LUNAR_YEAR; y < lunarYear; y++) offset += lunarYearLength(y);
  const leap = leapMonthOf(lunarYear);
  for (let m = 1; m < month; m++) {
    offset += chineseDays.monthDays(lunarYear, m);
    if (m === leap.month) offset += leap.days; // the leap month follows the month it repeats
  }
  return fromDayNumber(TABLE_EPOCH + offset + day - 1);
}

/** 除夕: the last day of the twelfth month, i.e. the eve of lunar New Year. */
export function lunarNewYearsEve(lunarYear: number): string {
  return addDays(lunarToSolar(lunarYear, 1, 1), -1);
}

/**
 * 清明, the day the sun reaches longitude 15° (Beijing time): 4 or 5 April in 2001–2100.
 * The classic "Y×D+C−L" formula with the 21st-century constant; L counts the leap days since
 * 2000, which is why 2100 (not a leap year) needs no special case here. Checked against an
 * astronomical computation for every year 2004–2100.
 */
export function qingming(year: number): string {
  if (!Number.isInteger(year) || year < 2001 || year > 2100) {
    throw new RangeError(`Qingming is only computed for 2001–2100, not ${year}`);
  }
  const y = year - 2000;
  const leapDays = Math.floor(y / 4) - (year >= 2100 ? 1 : 0);
  const day = Math.floor(y * 0.2422 + 4.81) - leapDays;
  return `${year}-04-0${day}`;
}
