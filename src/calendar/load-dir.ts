/**
 * Loads the published arrangements an administrator keeps in calendars/<year>.json (see
 * calendars/README.md). All files are checked before any is loaded, so a typo in one file
 * leaves the calendar exactly as it was and the error names the file.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validateArrangement, type ArrangementInput } from './arrangement.ts';
import { CalendarInputError } from './errors.ts';
import type { WorkCalendar } from './work-calendar.ts';

const YEAR_FILE = /^(\d{4})\.json$/;

interface CalendarFile {
  year: number;
  input: ArrangementInput;
}

function readCalendarFile(path: string, fileYear: number): CalendarFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new CalendarInputError(`${path}: not readable JSON (${(err as Error).message})`);
  }
  const doc = (json ?? {}) as Record<string, unknown>;
  if (doc.year !== fileYear) {
    throw new CalendarInputError(`${path}: "year" must be ${fileYear}, the year in the file name (found ${String(doc.year)})`);
  }
  if (typeof doc.source !== 'string' || doc.source.trim() === '') {
    throw new CalendarInputError(`${path}: "source" must name the published notice the dates come from`);
  }
  const input = { holidays: doc.holidays, workdays: doc.workdays, reference: doc.source } as ArrangementInput;
  try {
    validateArrangement(fileYear, input);
  } catch (err) {
    throw new CalendarInputError(`${path}: ${(err as Error).message}`);
  }
  return { year: fileYear, input };
}

/** Loads every <year>.json in `dir` into `calendar`; returns the years loaded, in order. */
export function loadCalendarDir(dir: string, calendar: WorkCalendar): number[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    throw new CalendarInputError(`calendar directory ${dir} cannot be read (${(err as Error).message})`);
  }
  const files = names
    .map((name) => YEAR_FILE.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => readCalendarFile(join(dir, m[0]), Number(m[1])))
    .sort((a, b) => a.year - b.year);
  for (const { year, input } of files) calendar.loadYear(year, input);
  return files.map((f) => f.year);
}
