/**
 * The published arrangements carried by `chinese-days` (2004–2026 in 1.5.x), each cited by its
 * State Council notice (official-notices.ts).
 *
 * We read its raw data file rather than calling isWorkday/getDayDetail: those answer for any
 * date, silently treating years the package knows nothing about as plain Mon–Fri weeks, and
 * they parse dates in the server's time zone. The data file says exactly which years exist.
 */
import { createRequire } from 'node:module';
import type { YearData } from './arrangement.ts';
import { addDays, isWeekend, parseIsoDate } from './dates.ts';
import { officialSource } from './official-notices.ts';

interface RawData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** The package names some festivals tersely ("清明"); we use the names of the statutory rules. */
const FULL_NAMES: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

let cache: Map<number, YearData> | undefined;

/** Values look like "Spring Festival,春节,4": English name, Chinese name, statutory length. */
function chineseName(value: string): string | undefined {
  const name = value.split(',')[1]?.trim();
  return name ? (FULL_NAMES[name] ?? name) : undefined;
}

function readRaw(): RawData & { version: string } {
  const require = createRequire(import.meta.url);
  const { version } = require('chinese-days/package.json') as { version: string };
  const raw = require('chinese-days/dist/chinese-days.json') as Partial<RawData>;
  if (!raw || typeof raw.holidays !== 'object' || typeof raw.workdays !== 'object') {
    throw new Error('chinese-days: dist/chinese-days.json no longer has { holidays, workdays }; check the package version');
  }
  return { ...(raw as RawData), version };
}

/**
 * The package leaves out a few weekend days in the middle of a break (2011-06-05, 2012-06-23,
 * 2015-06-21, all 端午). They are rest days either way, but yearArrangement() should list the
 * whole break as the notice does: a weekend day between two days off of the same festival
 * belongs to it.
 */
function fillWeekendGaps(data: YearData): void {
  for (const [date, name] of [...data.holidays]) {
    const middle = addDays(date, 1);
    const known = data.holidays.has(middle) || data.workdays.has(middle);
    if (name && !known && isWeekend(middle) && data.holidays.get(addDays(date, 2)) === name) {
      data.holidays.set(middle, name);
    }
  }
}

/** One YearData per year that really has published data, keyed by year. */
export function officialYears(): Map<number, YearData> {
  if (cache) return cache;
  const raw = readRaw();
  const years = new Map<number, YearData>();
  const yearData = (date: string): YearData => {
    const year = parseIsoDate(date).year;
    let data = years.get(year);
    if (!data) {
      // Cited by the State Council notice (official-notices.json); a year the package gained
      // before its notice was recorded says so rather than citing the package as a source.
      const reference = officialSource(year) ?? `国务院办公厅${year}年部分节假日安排的通知（未录入标题与文号；日期取自 chinese-days ${raw.version}）`;
      data = { year, source: 'official', holidays: new Map(), workdays: new Map(), reference };
      years.set(year, data);
    }
    return data;
  };
  for (const [date, value] of Object.entries(raw.holidays)) yearData(date).holidays.set(date, chineseName(value));
  for (const [date, value] of Object.entries(raw.workdays)) yearData(date).workdays.set(date, chineseName(value));
  for (const data of years.values()) fillWeekendGaps(data);
  // A year with only a stray entry or two is not an arrangement; every real one has its
  // New Year's Day off. Anything else is left to the provisional rules.
  for (const [year, data] of years) if (!data.holidays.has(`${year}-01-01`)) years.delete(year);
  cache = years;
  return years;
}

/** The last year `chinese-days` has an arrangement for; later years are provisional unless loaded. */
export function lastOfficialYear(): number {
  return Math.max(...officialYears().keys());
}
