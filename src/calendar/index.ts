/** The working-day calendar: public surface of src/calendar (pure; no DB, no HTTP). */
export { CalendarInputError } from './errors.ts';
export { endOfShanghaiDay, parseIsoDate, shanghaiDate, startOfShanghaiDay, type IsoDate } from './dates.ts';
export { parseInstant } from './instant.ts';
export { parsePeriod, type IsoDuration, type Period } from './period.ts';
export { WorkCalendar, type Closure, type YearStatus } from './work-calendar.ts';
export type { CalendarDay, Due } from './deadline.ts';
export { FIRST_YEAR, LAST_YEAR, type ArrangementInput, type YearArrangement, type YearSource } from './arrangement.ts';
export { makeUpDays, provisionalHolidays, statutoryHolidays, type StatutoryDay } from './statutory.ts';
export { lastOfficialYear } from './official.ts';
export { loadCalendarDir } from './load-dir.ts';
