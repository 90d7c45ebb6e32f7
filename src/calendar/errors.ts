/**
 * Raised for any input the calendar cannot accept: a malformed period, a date that does not
 * exist, an arrangement that contradicts itself. The message names the offending value so a
 * clerk (or the HTTP layer, which may map it to 400) can act on it without reading code.
 * A calendar operation that throws this has changed nothing.
 */
export class CalendarInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarInputError';
  }
}
