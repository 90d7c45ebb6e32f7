import { dayNumber } from '../calendar/dates.ts';
import { parseIsoDate, startOfShanghaiDay, type WorkCalendar } from '../calendar/index.ts';
import { isIsoDate } from './date-rules.ts';
import type { FieldError } from './form-messages.ts';

/**
 * Payment of a fine (Penalty Law Arts. 66, 72): within P15CD of service of the decision; after
 * the last day a surcharge of 3 % of the fine accrues each day, never more than the fine itself.
 */
export const PAYMENT_PERIOD = 'P15CD';
export const SURCHARGE_PERCENT_A_DAY = 3;

export interface AmountDue {
  fine: number;
  overdueDays: number;
  surcharge: number;
  /** The surcharge reached the fine and stopped growing. */
  capped: boolean;
  total: number;
}

/** The last day to pay: `period` counted from the day of service, a last day off rolling to the next working day. */
export function paymentLastDay(calendar: WorkCalendar, servedOn: string, period = PAYMENT_PERIOD): string {
  parseIsoDate(servedOn);
  return calendar.addPeriod(startOfShanghaiDay(servedOn), period).due;
}

/**
 * The fine the case owes: the one place payment, surcharge, 催告 and enforcement read it
 * (the decided amount replaces the case review's proposal here, and only here).
 */
export function fineOf(vars: Record<string, unknown>): number {
  return Number(vars.decidedFineAmount);
}

/** One due part of the fine: the whole fine by paymentLastDay, or an approved deferral or instalment (处罚法 art. 66). */
export interface Instalment {
  dueOn: string;
  amount: number;
}

/** The schedule the case pays on: the approved one, or the whole fine by paymentLastDay. */
export function scheduleOf(vars: Record<string, unknown>): Instalment[] | undefined {
  const approved = vars.paymentSchedule;
  if (Array.isArray(approved) && approved.length) return approved as Instalment[];
  const fine = fineOf(vars);
  const lastDay = vars.paymentLastDay;
  if (!Number.isFinite(fine) || fine <= 0 || typeof lastDay !== 'string' || !isIsoDate(lastDay)) return undefined;
  return [{ dueOn: lastDay, amount: fine }];
}

/**
 * What paying every part on `paidOn` brings: each part accrues its own surcharge only after its
 * own due day, capped at that part (a deferred amount owes nothing before its new due day).
 */
export function amountDueOnSchedule(schedule: Instalment[], paidOn: string): AmountDue & { lastDay: string } {
  const parts = schedule.map((p) => amountDue(p.amount, p.dueOn, paidOn));
  const fen = (n: number) => Math.round(n * 100);
  const fine = parts.reduce((t, p) => t + fen(p.fine), 0) / 100;
  const surcharge = parts.reduce((t, p) => t + fen(p.surcharge), 0) / 100;
  return {
    fine, surcharge, total: (fen(fine) + fen(surcharge)) / 100,
    overdueDays: Math.max(...parts.map((p) => p.overdueDays)),
    capped: parts.some((p) => p.capped),
    lastDay: schedule.map((p) => p.dueOn).sort().at(-1)!,
  };
}

/** What a payment on `paidOn` must bring, in yuan; computed in fen so that 3 % of any amount is exact to the fen. */
export function amountDue(fine: number, lastDay: string, paidOn: string): AmountDue {
  if (!Number.isFinite(fine) || fine < 0) throw new RangeError(`the fine must be an amount of at least 0 (got ${fine})`);
  const overdueDays = Math.max(0, dayNumber(paidOn) - dayNumber(lastDay));
  const fineFen = Math.round(fine * 100);
  const accrued = Math.round((fineFen * SURCHARGE_PERCENT_A_DAY * overdueDays) / 100);
  const surchargeFen = Math.min(fineFen, accrued);
  return { fine, overdueDays, surcharge: surchargeFen / 100, capped: overdueDays > 0 && accrued >= fineFen, total: (fineFen + surchargeFen) / 100 };
}

/**
 * The form rule `"x-zhifa": {"finePayment": {"paidOn": "paidOn", "paidAmount": "paidAmount"}}`:
 * the amount paid must be the decided fine (fineOf: decidedFineAmount, never the case review's
 * proposal) plus the surcharge due on the day paid, counted from paymentLastDay or, once a
 * deferral or instalments are approved, from each part's own due day. A payment that passes records what it settled.
 */
export interface FinePaymentRule {
  paidOn: string;
  paidAmount: string;
}

/** Problems with a form's finePayment rule, found when the form is loaded. */
export function finePaymentProblems(rule: FinePaymentRule | undefined, fields: string[]): string[] {
  if (rule === undefined) return [];
  return [rule.paidOn, rule.paidAmount].filter((f) => !fields.includes(f)).map((f) => `x-zhifa.finePayment: "${String(f)}" is not a field of the form`);
}

export function checkFinePayment(
  rule: FinePaymentRule,
  submitted: Record<string, unknown>,
  caseVars: Record<string, unknown>,
  titleOf: (field: string) => string,
  today: string,
): { errors: FieldError[]; record: Record<string, unknown> } {
  const paidOn = submitted[rule.paidOn];
  const paid = submitted[rule.paidAmount];
  if (typeof paidOn !== 'string' || typeof paid !== 'number' || !isIsoDate(paidOn)) return { errors: [], record: {} };
  // A payment in the future is refused by the date-order rule (date-order.ts) with the other dates.
  if (paidOn > today) return { errors: [], record: {} };
  const schedule = scheduleOf(caseVars);
  if (!schedule) return { errors: [{ field: '', message: '本案没有记录罚款金额或缴款期限，不能登记缴款' }], record: {} };
  const due = amountDueOnSchedule(schedule, paidOn);
  if (Math.round(paid * 100) !== Math.round(due.total * 100)) {
    return { errors: [{ field: rule.paidAmount, message: `「${titleOf(rule.paidAmount)}」应为 ${due.total} 元：${explain(due, schedule)}` }], record: {} };
  }
  return { errors: [], record: { overdueDays: due.overdueDays, surchargeAmount: due.surcharge, amountDue: due.total } };
}

function explain(due: AmountDue & { lastDay: string }, schedule: Instalment[]): string {
  const period = schedule.length > 1 ? `分期缴纳，最后一期 ${due.lastDay}` : `缴款期限（${due.lastDay}）`;
  if (!due.overdueDays) return `罚款 ${due.fine} 元，在${schedule.length > 1 ? '各期期限' : period}内缴纳，无加处罚款`;
  const cap = due.capped ? '，以罚款数额为限' : '';
  if (schedule.length > 1) return `罚款 ${due.fine} 元，加处罚款 ${due.surcharge} 元（逾期各期自各自期限届满次日起每日按该期数额的 ${SURCHARGE_PERCENT_A_DAY}%${cap}）`;
  return `罚款 ${due.fine} 元，加处罚款 ${due.surcharge} 元（缴款期限 ${due.lastDay} 届满后逾期 ${due.overdueDays} 日，每日按罚款数额的 ${SURCHARGE_PERCENT_A_DAY}%${cap}）`;
}
