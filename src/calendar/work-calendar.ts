/**
 * The working-day calendar of one agency: official arrangements (chinese-days), arrangements
 * loaded by an administrator, provisional years computed from the statutory rules (with their
 * make-up days), and the agency's own closures. Pure and in-memory: persistence and the
 * recomputation of open deadlines after a load belong to the callers.
 */
import {
  FIRST_YEAR,
  LAST_YEAR,
  assertSupportedYear,
  toArrangement,
  validateArrangement,
  type ArrangementInput,
  type YearArrangement,
  type YearData,
  type YearSource,
} from './arrangement.ts';
import { assertInstant, endOfShanghaiDay, isWeekend, parseIsoDate, shanghaiDate } from './dates.ts';
import { addCalendarDays, addWorkingDays, remainingWorkingDays, type CalendarDay, type Due } from './deadline.ts';
import { CalendarInputError } from './errors.ts';
import { addIsoDuration } from './iso-duration.ts';
import { officialYears } from './official.ts';
import { parsePeriod, type Period } from './period.ts';
import { PROVISIONAL_SOURCE, provisionalHolidays } from './statutory.ts';

export interface YearStatus {
  year: number;
  source: YearSource;
}

export interface Closure {
  date: string;
  name: string;
}

export class WorkCalendar {
  private readonly official = officialYears();
  private readonly loaded = new Map<number, YearData>();
  private readonly provisional = new Map<number, YearData>();
  private readonly closureNames = new Map<string, string>();

  /** Replaces the arrangement of `year` (official or provisional) with a published one. */
  loadYear(year: number, input: ArrangementInput): YearArrangement {
    const data = validateArrangement(year, input); // throws before anything changes
    this.loaded.set(data.year, data);
    return toArrangement(data);
  }

  /** An agency-declared day off (e.g. a local closure); it never turns a rest day into a working day. */
  addClosure(date: string, name: string): void {
    const { year } = parseIsoDate(date);
    assertSupportedYear(year);
    if (typeof name !== 'string' || name.trim() === '') {
      throw new CalendarInputError(`停止办公日 ${date}：须填写事由`);
    }
    this.closureNames.set(date, name.trim());
  }

  closures(): Closure[] {
    return [...this.closureNames].map(([date, name]) => ({ date, name })).sort((a, b) => (a.date < b.date ? -1 : 1));
  }

  day(date: string): CalendarDay {
    const { year } = parseIsoDate(date);
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new CalendarInputError(`${date} 超出日历覆盖的年份（${FIRST_YEAR}–${LAST_YEAR}）`);
    }
    const data = this.yearData(year);
    const provisional = data.source === 'provisional';
    const closure = this.closureNames.get(date);
    const adjusted = data.workdays.has(date);
    const holiday = data.holidays.has(date);
    const workday = adjusted || (!holiday && !isWeekend(date));
    if (closure !== undefined && workday) return { date, workday: false, name: closure, closure: true, provisional };
    const name = adjusted ? data.workdays.get(date) : data.holidays.get(date);
    return {
      date,
      workday,
      ...(name !== undefined ? { name } : {}),
      ...(adjusted ? { adjusted: true } : {}),
      provisional,
    };
  }

  /** Where each supported year's arrangement comes from. */
  years(): YearStatus[] {
    const result: YearStatus[] = [];
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) result.push({ year, source: this.sourceOf(year) });
    return result;
  }

  yearArrangement(year: number): YearArrangement {
    assertSupportedYear(year);
    return toArrangement(this.yearData(year));
  }

  /**
   * When `period` (P<n>WD, P<n>CD or an ISO 8601 duration) started at `from` ends. A P<n>CD limit
   * whose last day is a rest day ends on the next working day unless `rollOver` is false (a
   * maximum duration of a measure, which must not hold a right longer than the law allows).
   */
  addPeriod(from: Date, period: string | Period, options: { rollOver?: boolean } = {}): Due {
    assertInstant(from, 'start of the period');
    const p = typeof period === 'string' ? parsePeriod(period) : period;
    if (p.unit === 'ISO') {
      const dueAt = addIsoDuration(from, p);
      return { due: shanghaiDate(dueAt), dueAt, provisional: false };
    }
    const lookup = (date: string) => this.day(date);
    const start = shanghaiDate(from);
    const { due, provisional } =
      p.unit === 'WD' ? addWorkingDays(lookup, start, p.count) : addCalendarDays(lookup, start, p.count, options.rollOver ?? true);
    return { due, dueAt: endOfShanghaiDay(due), provisional };
  }

  /** Whole working days from `from` (now) until `to` (a deadline); negative once it has passed. */
  workingDaysBetween(from: Date, to: Date): number {
    assertInstant(from, 'from');
    assertInstant(to, 'to');
    return remainingWorkingDays((date) => this.day(date), from, to);
  }

  private sourceOf(year: number): YearSource {
    return this.loaded.has(year) ? 'loaded' : this.official.has(year) ? 'official' : 'provisional';
  }

  private yearData(year: number): YearData {
    assertSupportedYear(year);
    const known = this.loaded.get(year) ?? this.official.get(year);
    if (known) return known;
    let data = this.provisional.get(year);
    if (!data) {
      // The statutory days and the make-up days 第六条 owes for those on a weekend (statutory.ts).
      const holidays = new Map(provisionalHolidays(year).map((s) => [s.date, s.name as string | undefined]));
      data = { year, source: 'provisional', holidays, workdays: new Map(), reference: PROVISIONAL_SOURCE };
      this.provisional.set(year, data);
    }
    return data;
  }
}
