/**
 * A year's holiday arrangement: the days off and the adjusted working weekends (调休), with
 * where it came from. Official years come from `chinese-days`, loaded years from the State
 * Council notice entered by an administrator, provisional years from the statutory rules.
 */
import { CalendarInputError } from './errors.ts';
import { dayNumber, isWeekend, parseIsoDate } from './dates.ts';
import { statutoryHolidays } from './statutory.ts';

export const FIRST_YEAR = 2004;
/** The lunar table and the Qingming formula stop here. */
export const LAST_YEAR = 2100;

export type YearSource = 'official' | 'loaded' | 'provisional';

/** What an administrator supplies for a year (the shape of calendars/<year>.json minus `year`). */
export interface ArrangementInput {
  /** Every day off of the year that is a holiday (statutory or bridging), weekend ones included. */
  holidays: string[];
  /** Weekend days that are working days by adjustment (调休上班). */
  workdays: string[];
  /** Where the arrangement comes from, e.g. the notice 国办发明电〔2026〕x号. */
  reference?: string;
}

/** Internal form: date → Chinese name (when known). */
export interface YearData {
  year: number;
  source: YearSource;
  holidays: Map<string, string | undefined>;
  workdays: Map<string, string | undefined>;
  reference?: string;
}

export interface YearArrangement {
  year: number;
  source: YearSource;
  holidays: string[];
  workdays: string[];
  reference?: string;
}

export function assertSupportedYear(year: unknown): asserts year is number {
  if (typeof year !== 'number' || !Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new CalendarInputError(`年份 ${String(year)} 超出支持的范围 ${FIRST_YEAR}–${LAST_YEAR}`);
  }
}

/** Checks an administrator's arrangement completely and returns it in internal form; throws before anything is used. */
export function validateArrangement(year: unknown, input: ArrangementInput): YearData {
  assertSupportedYear(year);
  const what = `${year} 年安排`;
  if (input === null || typeof input !== 'object') throw new CalendarInputError(`${what}：应为 { "holidays": [日期], "workdays": [日期] }`);
  const holidays = checkedDates(year, input.holidays, 'holidays', what);
  const workdays = checkedDates(year, input.workdays, 'workdays', what);
  for (const date of workdays) {
    if (holidays.includes(date)) throw new CalendarInputError(`${what}：${date} 同时列为放假日和调休上班日`);
    if (!isWeekend(date)) throw new CalendarInputError(`${what}：调休上班日 ${date} 不是星期六或星期日（周一至周五本来就上班）`);
  }
  if (input.reference !== undefined && typeof input.reference !== 'string') {
    throw new CalendarInputError(`${what}：reference（通知文号）应为文字`);
  }
  return {
    year,
    source: 'loaded',
    holidays: nameHolidays(year, holidays),
    workdays: new Map(workdays.map((d) => [d, undefined])),
    ...(input.reference ? { reference: input.reference } : {}),
  };
}

function checkedDates(year: number, list: unknown, field: string, what: string): string[] {
  if (!Array.isArray(list)) throw new CalendarInputError(`${what}：${field} 应为 YYYY-MM-DD 日期的列表`);
  const dates = new Set<string>();
  for (const item of list) {
    let parsed;
    try {
      parsed = parseIsoDate(item);
    } catch (err) {
      throw new CalendarInputError(`${what}：${field}：${(err as Error).message}`);
    }
    if (parsed.year !== year) throw new CalendarInputError(`${what}：${field}：${item} 不在 ${year} 年`);
    dates.add(item as string);
  }
  return [...dates].sort();
}

/**
 * A notice lists dates, not names. A statutory day keeps its festival's name; the other days
 * of a run of consecutive days off take the name of the festival with most statutory days in
 * the run (国庆节 rather than 中秋节 for a joint October break), so a loaded 2/5–2/11 block
 * reads 春节 as the official years do. Runs with no festival stay unnamed.
 */
function nameHolidays(year: number, sorted: string[]): Map<string, string | undefined> {
  const statutory = new Map(statutoryHolidays(year).map((s) => [s.date, s.name]));
  const named = new Map<string, string | undefined>();
  let run: string[] = [];
  const flush = () => {
    const counts = new Map<string, number>();
    for (const d of run) {
      const name = statutory.get(d);
      if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    let main: string | undefined;
    for (const [name, count] of counts) if (main === undefined || count > counts.get(main)!) main = name;
    for (const d of run) named.set(d, statutory.get(d) ?? main);
    run = [];
  };
  for (const date of sorted) {
    if (run.length > 0 && dayNumber(date) !== dayNumber(run[run.length - 1]) + 1) flush();
    run.push(date);
  }
  flush();
  return named;
}

export function toArrangement(data: YearData): YearArrangement {
  return {
    year: data.year,
    source: data.source,
    holidays: [...data.holidays.keys()].sort(),
    workdays: [...data.workdays.keys()].sort(),
    ...(data.reference ? { reference: data.reference } : {}),
  };
}
