import { addDays, daysInMonth } from '../calendar/dates.ts';
import { endOfShanghaiDay, parseIsoDate, startOfShanghaiDay, type WorkCalendar } from '../calendar/index.ts';
import { isIsoDate } from './date-rules.ts';

/**
 * The dates of enforcement after non-payment, each counted from a recorded date:
 * - remedies: 复议 within 60 days (行政复议法 art. 20), 诉讼 within 6 months (行政诉讼法 art. 46),
 *   both from the party's receipt of the decision (serviceDate);
 * - after a 催告 the party has 10 days to pay (行政强制法 art. 54; periods up to ten days are
 *   working days, art. 69), counted from the day the 催告书 was received (reminderServedOn);
 * - the court may be asked once both have run, within 3 months of the end of the remedy periods
 *   (行政强制法 art. 53). A remedy decided in the agency's favour moves the start: a 复议 decision
 *   leaves 15 days to sue (行政诉讼法 art. 45), a judgment none.
 * A period's last day that is a rest day ends on the next working day (民诉法 art. 85).
 */
export const RECONSIDERATION_PERIOD = 'P60CD';
export const LITIGATION_MONTHS = 6;
export const REMINDER_PERIOD = 'P10WD';
export const COURT_APPLICATION_MONTHS = 3;
export const SUIT_AFTER_RECONSIDERATION = 'P15CD';

export interface EnforcementDates {
  reconsiderationLastDay: string;
  litigationLastDay: string;
  /** The later of the two remedy periods, or the end of the time to sue after a decided remedy. */
  remedyLastDay: string;
  reminderLastDay?: string;
  /** The first instant the court may be asked: both the 催告 and the remedy periods have run. */
  enforceableAt?: string;
  courtApplicationLastDay: string;
  courtApplicationDueAt: string;
}

/** The day `months` months after `date`: the corresponding day, or the month's last day when there is none (民法典 art. 203). */
export function addMonths(date: string, months: number): string {
  const d = parseIsoDate(date);
  const m0 = d.month - 1 + months;
  const year = d.year + Math.floor(m0 / 12);
  const month = (m0 % 12) + 1;
  const day = Math.min(d.day, daysInMonth(year, month));
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A last day that is a rest day rolls to the next working day. */
export function rollToWorkday(calendar: WorkCalendar, date: string): string {
  let day = date;
  while (!calendar.day(day).workday) day = addDays(day, 1);
  return day;
}

const later = (a: string, b: string) => (a > b ? a : b);

/** Every enforcement date the case's recorded dates allow; serviceDate is required. */
export function enforcementDates(calendar: WorkCalendar, vars: Record<string, unknown>): EnforcementDates {
  const served = vars.serviceDate;
  if (!isIsoDate(served)) throw new Error('enforcementDates needs serviceDate (the day the party received the decision)');
  const reconsiderationLastDay = calendar.addPeriod(startOfShanghaiDay(served), RECONSIDERATION_PERIOD).due;
  const litigationLastDay = rollToWorkday(calendar, addMonths(served, LITIGATION_MONTHS));
  let remedyLastDay = later(reconsiderationLastDay, litigationLastDay);
  if (vars.remedyOutcome === '维持' && isIsoDate(vars.remedyDecidedOn)) {
    remedyLastDay = vars.remedyKind === '行政复议' ? calendar.addPeriod(startOfShanghaiDay(vars.remedyDecidedOn), SUIT_AFTER_RECONSIDERATION).due : vars.remedyDecidedOn;
  }
  const courtApplicationLastDay = rollToWorkday(calendar, addMonths(remedyLastDay, COURT_APPLICATION_MONTHS));
  const result: EnforcementDates = {
    reconsiderationLastDay, litigationLastDay, remedyLastDay, courtApplicationLastDay,
    courtApplicationDueAt: endOfShanghaiDay(courtApplicationLastDay).toISOString(),
  };
  if (isIsoDate(vars.reminderServedOn)) {
    result.reminderLastDay = calendar.addPeriod(startOfShanghaiDay(vars.reminderServedOn), REMINDER_PERIOD).due;
    result.enforceableAt = endOfShanghaiDay(later(result.reminderLastDay, remedyLastDay)).toISOString();
  }
  return result;
}
