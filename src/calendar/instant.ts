import { parseIsoDate, startOfShanghaiDay } from './dates.ts';
import { CalendarInputError } from './errors.ts';

/** A date-time with its zone (Z or ±hh:mm): a time without one would be read in the server's zone. */
const ZONED_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * A point in time written by a case or a diagram: `2026-03-02` (the start of that Shanghai
 * day) or an ISO 8601 date-time with its zone (`2026-03-02T10:00:00+08:00`, `…Z`).
 */
export function parseInstant(text: unknown, what = 'time'): Date {
  if (typeof text === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(text)) {
    parseIsoDate(text);
    return startOfShanghaiDay(text);
  }
  const m = typeof text === 'string' ? ZONED_DATE_TIME.exec(text) : null;
  const instant = m ? new Date(text as string) : null;
  if (!m || !instant || Number.isNaN(instant.getTime())) {
    throw new CalendarInputError(`${what} "${String(text)}" is not a date (YYYY-MM-DD) or an ISO date-time with its zone (2026-03-02T10:00:00+08:00)`);
  }
  parseIsoDate(m[1]); // 2026-02-30T… would otherwise roll over into March
  return instant;
}
