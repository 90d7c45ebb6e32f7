import { dayNumber } from '../calendar/dates.ts';
import type { WorkCalendar } from '../calendar/index.ts';
import { isIsoDate } from './date-rules.ts';
import { rollToWorkday } from './enforcement-dates.ts';
import { fineOf, type Instalment } from './fine-payment.ts';
import type { FieldError } from './form-messages.ts';

/**
 * Deferred or instalment payment (处罚法 art. 66): on the party's application and a head's
 * approval, the fine is owed on the approved schedule instead of paymentLastDay. The form rule
 * `"x-zhifa": {"paymentSchedule": {"approved": "deferralApproved", "schedule": "paymentSchedule"}}`
 * refuses a schedule that does not add up to the fine or falls before the original last day.
 */
export interface PaymentScheduleRule {
  approved: string;
  schedule: string;
}

export function paymentScheduleProblems(rule: unknown, fields: string[]): string[] {
  if (!rule || typeof rule !== 'object' || Array.isArray(rule)) return ['must be {"approved": "<boolean field>", "schedule": "<list field>"}'];
  const r = rule as Record<string, unknown>;
  return [r.approved, r.schedule].filter((f) => typeof f !== 'string' || !fields.includes(f)).map((f) => `"${String(f)}" is not a field of the form`);
}

export function checkPaymentSchedule(rule: PaymentScheduleRule, submitted: Record<string, unknown>, caseVars: Record<string, unknown>, titleOf: (f: string) => string): FieldError[] {
  const field = rule.schedule;
  const schedule = submitted[field] as Instalment[] | undefined;
  if (submitted[rule.approved] !== true) {
    return schedule === undefined ? [] : [{ field, message: `未批准延期、分期的，不填写「${titleOf(field)}」` }];
  }
  if (!Array.isArray(schedule) || !schedule.length) return [{ field, message: `批准延期、分期缴纳的，须填写「${titleOf(field)}」` }];
  const fine = fineOf(caseVars);
  const lastDay = caseVars.paymentLastDay;
  if (!Number.isFinite(fine) || fine <= 0 || !isIsoDate(lastDay)) return [{ field: '', message: '本案没有记录罚款金额或缴款期限，不能批准延期、分期缴纳' }];
  const errors: FieldError[] = [];
  const total = schedule.reduce((t, p) => t + Math.round(Number(p.amount) * 100), 0) / 100;
  if (Math.round(total * 100) !== Math.round(fine * 100)) errors.push({ field, message: `「${titleOf(field)}」各期金额合计 ${total} 元，应等于罚款 ${fine} 元` });
  const dates = schedule.map((p) => p.dueOn);
  if (dates.some((d, i) => i > 0 && dayNumber(d) <= dayNumber(dates[i - 1]!))) errors.push({ field, message: `「${titleOf(field)}」各期缴款日期须逐期推后` });
  if (dates.at(-1)! <= lastDay) errors.push({ field, message: `延期、分期的最后一期须晚于原缴款期限（${lastDay}）` });
  return errors;
}

/**
 * `${services.applyDeferral}`: the approved schedule, each day rolled to a working day, becomes
 * the one the surcharge follows; paymentLastDay is its last day and paymentPeriod the calendar
 * days from serviceDate to it, so the payment clock restarted from serviceDate ends on that day.
 */
export function applyDeferral(calendar: WorkCalendar, vars: Record<string, unknown>): Record<string, unknown> {
  const schedule = (vars.paymentSchedule as Instalment[]).map((p) => ({ dueOn: rollToWorkday(calendar, p.dueOn), amount: p.amount }));
  const last = schedule.at(-1)!.dueOn;
  const served = String(vars.serviceDate);
  return { paymentSchedule: schedule, paymentLastDay: last, paymentPeriod: `P${dayNumber(last) - dayNumber(served)}CD` };
}
