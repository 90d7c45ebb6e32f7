/**
 * Period notation used by process definitions for time limits:
 *   P<n>WD  n working days    (statutory counting: the triggering day is not counted)
 *   P<n>CD  n calendar days   (statutory counting: a last day that is a rest day rolls forward)
 *   ISO 8601 durations (PnYnMnWnDTnHnMnS) for plain timers that ignore holidays.
 * WD and CD are our own suffixes: ISO has no notion of a working day, and P15D must keep its
 * ISO meaning (exactly 15 days later) for timers that are not legal time limits.
 */
import { CalendarInputError } from './errors.ts';

export type Period =
  | { unit: 'WD'; count: number; text: string }
  | { unit: 'CD'; count: number; text: string }
  | ({ unit: 'ISO'; text: string } & IsoDuration);

export interface IsoDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const STATUTORY = /^P(\d+)(WD|CD)$/;
const ISO = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;
/** About 40 years of working days: far beyond any statutory limit, small enough to catch typos. */
const MAX_COUNT = 10_000;

export function parsePeriod(s: unknown): Period {
  const text = typeof s === 'string' ? s.trim() : '';
  const statutory = STATUTORY.exec(text);
  if (statutory) {
    const count = Number(statutory[1]);
    if (count < 1 || count > MAX_COUNT) {
      throw new CalendarInputError(`period "${text}": the number of days must be between 1 and ${MAX_COUNT}`);
    }
    return { unit: statutory[2] as 'WD' | 'CD', count, text };
  }
  const iso = ISO.exec(text);
  // The regex also matches "P" and "P…T" with nothing after T, which ISO 8601 forbids.
  if (iso && iso.slice(1).some((g) => g !== undefined) && !text.endsWith('T')) {
    const [years, months, weeks, days, hours, minutes, seconds] = iso.slice(1).map((g) => Number(g ?? 0));
    return { unit: 'ISO', text, years, months, weeks, days, hours, minutes, seconds };
  }
  throw new CalendarInputError(
    `"${String(s)}" is not a period: expected P<n>WD (working days), P<n>CD (calendar days) ` +
      'or an ISO 8601 duration such as P1M, P2W or PT48H',
  );
}
