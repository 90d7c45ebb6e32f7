/**
 * Year arrangements and local closures entered by administrators. Rows are only ever inserted
 * or replaced, never deleted, so re-applying every row to a calendar reproduces it exactly.
 */
import type { DbOrTx } from './db.ts';
import { fromJson, toJson } from './json.ts';

export interface CalendarYearRow {
  year: number;
  holidays: string;
  workdays: string;
  reference: string | null;
  loaded_at: number;
  loaded_by: string | null;
}

export interface CalendarYear {
  year: number;
  holidays: string[];
  workdays: string[];
  reference?: string;
  loadedAt: number;
  loadedBy: string | null;
}

export interface ClosureRow {
  date: string;
  name: string;
  declared_at: number;
  declared_by: string | null;
}

export async function listCalendarYears(db: DbOrTx): Promise<CalendarYear[]> {
  const rows = await db<CalendarYearRow>('calendar_years').orderBy('year');
  return rows.map((r) => ({
    year: r.year,
    holidays: fromJson<string[]>(r.holidays, []),
    workdays: fromJson<string[]>(r.workdays, []),
    ...(r.reference ? { reference: r.reference } : {}),
    loadedAt: r.loaded_at,
    loadedBy: r.loaded_by,
  }));
}

export async function upsertCalendarYear(db: DbOrTx, year: Omit<CalendarYear, 'loadedAt' | 'loadedBy'>, at: number, by: string): Promise<void> {
  const row: CalendarYearRow = {
    year: year.year,
    holidays: toJson(year.holidays),
    workdays: toJson(year.workdays),
    reference: year.reference ?? null,
    loaded_at: at,
    loaded_by: by,
  };
  await db('calendar_years').insert(row).onConflict('year').merge();
}

export function listClosures(db: DbOrTx): Promise<ClosureRow[]> {
  return db<ClosureRow>('calendar_closures').orderBy('date');
}

/** Declaring a date again renames its closure, as WorkCalendar.addClosure does. */
export async function upsertClosure(db: DbOrTx, row: ClosureRow): Promise<void> {
  await db('calendar_closures').insert(row).onConflict('date').merge();
}

/**
 * Changes whenever a row is added or replaced (by any process), in one round trip: every
 * process polls it on each scheduler tick. Two writes within the same millisecond of the same
 * row would not change it; administrators do not edit that fast.
 */
export async function calendarStamp(db: DbOrTx): Promise<string> {
  const row = (await db
    .select({
      years: db('calendar_years').count('*'),
      loaded: db('calendar_years').max('loaded_at'),
      closures: db('calendar_closures').count('*'),
      declared: db('calendar_closures').max('declared_at'),
    })
    .first()) as Record<string, number | string | null>;
  return [row.years, row.loaded, row.closures, row.declared].map((v) => String(v ?? 0)).join(':');
}
