/**
 * Administrators' changes to the working-day calendar: a year's holiday arrangement and local
 * closures. The database is the truth shared by every server process; each process keeps its
 * in-memory WorkCalendar in step by re-applying the rows whenever their stamp moves.
 */
import { calendarInput } from './calendar-input.ts';
import { parseIsoDate, WorkCalendar, type ArrangementInput, type YearArrangement } from '../calendar/index.ts';
import type { Clock } from '../clock.ts';
import { badRequest } from '../errors.ts';
import { calendarStamp, listCalendarYears, listClosures, upsertCalendarYear, upsertClosure } from '../store/calendar.ts';
import type { Db } from '../store/db.ts';
import type { Actor } from './actor.ts';

/** Recomputes the open deadlines, timers and clocks that depend on `year`; returns how many moved. */
export type RecomputeDeadlines = (year: number) => Promise<number>;

export interface YearChange {
  year: number;
  recomputed: number;
  arrangement: YearArrangement;
}

const ARRANGEMENT_FIELDS = ['holidays', 'workdays', 'reference'];
// Column widths of calendar_years.reference and calendar_closures.name (migration 002).
const MAX_REFERENCE = 500;
const MAX_CLOSURE_NAME = 200;


/** Rows were checked when written; one that fails now was edited by hand, so say which. */
function storedRow(what: string, apply: () => unknown): void {
  try {
    apply();
  } catch (err) {
    throw new Error(`stored calendar row ${what} is invalid: ${(err as Error).message}`, { cause: err });
  }
}

function arrangementBody(body: unknown): ArrangementInput {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('安排应为 JSON 对象 { "holidays": [日期], "workdays": [日期], "reference"?: 通知文号 }');
  }
  const b = body as Record<string, unknown>;
  const unknown = Object.keys(b).filter((k) => !ARRANGEMENT_FIELDS.includes(k));
  if (unknown.length > 0) throw badRequest(`未知的字段 ${unknown.join('、')}：安排只有 holidays、workdays 和可选的 reference`);
  for (const field of ['holidays', 'workdays']) {
    const list = b[field];
    if (!Array.isArray(list) || !list.every((d) => typeof d === 'string')) {
      throw badRequest(`${field} 应为 "YYYY-MM-DD" 日期的列表（没有则填 []）`);
    }
  }
  if (b.reference !== undefined && (typeof b.reference !== 'string' || b.reference.length > MAX_REFERENCE)) {
    throw badRequest(`reference 应为不超过 ${MAX_REFERENCE} 字的通知文号，如 国办发明电〔2026〕x号`);
  }
  return b as unknown as ArrangementInput;
}

export class CalendarAdmin {
  private stamp: string | undefined;

  constructor(
    readonly db: Db,
    private readonly calendar: WorkCalendar,
    private readonly clock: Clock,
    private readonly recompute: RecomputeDeadlines,
  ) {}

  /** Applies every stored year and closure; called after calendars/ is loaded, since the rows are newer. */
  async load(): Promise<void> {
    // Stamp first: a change committed while the rows are read then shows at the next refresh.
    const stamp = await calendarStamp(this.db);
    for (const y of await listCalendarYears(this.db)) storedRow(`calendar_years ${y.year}`, () => this.calendar.loadYear(y.year, y));
    for (const c of await listClosures(this.db)) storedRow(`calendar_closures ${c.date}`, () => this.calendar.addClosure(c.date, c.name));
    this.stamp = stamp;
  }

  /** Reloads when another process (or this one) changed the stored calendar; returns whether it did. */
  async refreshIfChanged(): Promise<boolean> {
    if ((await calendarStamp(this.db)) === this.stamp) return false;
    await this.load();
    return true;
  }

  async putYear(year: number, body: unknown, actor: Actor): Promise<YearChange> {
    const input = arrangementBody(body);
    // A scratch calendar checks everything, so a refused arrangement touches neither the DB nor the live calendar.
    const checked = calendarInput(() => new WorkCalendar().loadYear(year, input));
    const stored = { year, holidays: checked.holidays, workdays: checked.workdays, reference: checked.reference };
    await upsertCalendarYear(this.db, stored, this.clock.now().getTime(), actor.username);
    this.calendar.loadYear(year, stored);
    const recomputed = await this.recompute(year);
    return { year, recomputed, arrangement: this.calendar.yearArrangement(year) };
  }

  async addClosure(date: unknown, name: unknown, actor: Actor): Promise<{ date: string; name: string; recomputed: number }> {
    if (typeof date !== 'string') throw badRequest('「日期」应为 YYYY-MM-DD 格式的日期');
    if (typeof name !== 'string' || name.trim() === '' || name.trim().length > MAX_CLOSURE_NAME) {
      throw badRequest(`「事由」应为 1 至 ${MAX_CLOSURE_NAME} 个字，说明停止办公的原因`);
    }
    const { year } = calendarInput(() => {
      new WorkCalendar().addClosure(date, name);
      return parseIsoDate(date);
    });
    await upsertClosure(this.db, { date, name: name.trim(), declared_at: this.clock.now().getTime(), declared_by: actor.username });
    this.calendar.addClosure(date, name);
    return { date, name: name.trim(), recomputed: await this.recompute(year) };
  }
}
