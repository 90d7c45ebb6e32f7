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
 * the amount paid must be the decided fine (case variable decidedFineAmount, never the case
 * review's proposal) plus the surcharge due on the day
 * paid (counted from paymentLastDay). A payment that passes records what it settled.
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
  const fine = Number(caseVars.decidedFineAmount);
  const lastDay = caseVars.paymentLastDay;
  if (!Number.isFinite(fine) || fine <= 0 || typeof lastDay !== 'string' || !isIsoDate(lastDay)) {
    return { errors: [{ field: '', message: '本案没有记录罚款金额或缴款期限，不能登记缴款' }], record: {} };
  }
  const due = amountDue(fine, lastDay, paidOn);
  if (Math.round(paid * 100) !== Math.round(due.total * 100)) {
    return { errors: [{ field: rule.paidAmount, message: `「${titleOf(rule.paidAmount)}」应为 ${due.total} 元：${explain(due, lastDay)}` }], record: {} };
  }
  return { errors: [], record: { overdueDays: due.overdueDays, surchargeAmount: due.surcharge, amountDue: due.total } };
}

function explain(due: AmountDue, lastDay: string): string {
  if (!due.overdueDays) return `罚款 ${due.fine} 元，在缴款期限（${lastDay}）内缴纳，无加处罚款`;
  const cap = due.capped ? '，以罚款数额为限' : '';
  return `罚款 ${due.fine} 元，加处罚款 ${due.surcharge} 元（缴款期限 ${lastDay} 届满后逾期 ${due.overdueDays} 日，每日按罚款数额的 ${SURCHARGE_PERCENT_A_DAY}%${cap}）`;
}
