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
    throw badRequest('the body must be a JSON object { "holidays": [dates], "workdays": [dates], "reference"?: text }');
  }
  const b = body as Record<string, unknown>;
  const unknown = Object.keys(b).filter((k) => !ARRANGEMENT_FIELDS.includes(k));
  if (unknown.length > 0) throw badRequest(`unknown field ${unknown.join(', ')}: an arrangement has holidays, workdays and optionally reference`);
  for (const field of ['holidays', 'workdays']) {
    const list = b[field];
    if (!Array.isArray(list) || !list.every((d) => typeof d === 'string')) {
      throw badRequest(`${field} must be a list of "YYYY-MM-DD" dates (use [] for none)`);
    }
  }
  if (b.reference !== undefined && (typeof b.reference !== 'string' || b.reference.length > MAX_REFERENCE)) {
    throw badRequest(`reference must be text of at most ${MAX_REFERENCE} characters naming the notice, e.g. 国办发明电〔2026〕x号`);
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
    if (typeof date !== 'string') throw badRequest('date must be a "YYYY-MM-DD" date');
    if (typeof name !== 'string' || name.trim() === '' || name.trim().length > MAX_CLOSURE_NAME) {
      throw badRequest(`name must be text of 1 to ${MAX_CLOSURE_NAME} characters saying why the agency is closed`);
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
