import { CalendarInputError } from '../calendar/index.ts';
import { badRequest } from '../errors.ts';

/**
 * The one place a calendar's input error (a date that does not exist, a period that does not
 * parse, a year with no arrangement) becomes a 400 keeping the calendar's wording: the API, the
 * pages, the case clocks and the engine's period resolver all run calendar operations through it.
 */
export function calendarInput<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof CalendarInputError) throw badRequest(err.message);
    throw err;
  }
}
