import { parseIsoDate, parsePeriod, shanghaiDate, startOfShanghaiDay, type Period, type WorkCalendar } from '../calendar/index.ts';
import type { FieldError } from './form-messages.ts';

/**
 * `"x-zhifa": {"periodsAfter": [{"field": "hearingDate", "after": "noticeDate", "period": "P7WD"}]}`:
 * the date in `field` may not fall before the day `period` ends, counted from the date in `after`
 * (a field of the form, else a case variable) or, without `after`, from today. The statute says
 * "notify 7 working days before the hearing": a hearing on the 7th working day after the notice
 * is on time, one on the 6th is not.
 */
export interface PeriodAfter {
  field: string;
  after?: string;
  period: string;
}

/** Problems with a form's periodsAfter rules, found when the form is loaded rather than when a clerk submits it. */
export function periodsAfterProblems(rules: unknown, fields: string[]): string[] {
  if (rules === undefined) return [];
  if (!Array.isArray(rules)) return ['x-zhifa.periodsAfter must be a list of {field, after?, period}'];
  const problems: string[] = [];
  for (const r of rules as Array<Partial<PeriodAfter>>) {
    if (!r || typeof r.field !== 'string' || !fields.includes(r.field)) problems.push(`x-zhifa.periodsAfter: "${String(r?.field)}" is not a field of the form`);
    if (r?.after !== undefined && typeof r.after !== 'string') problems.push('x-zhifa.periodsAfter: "after" must name a date field or case variable');
    try {
      parsePeriod(r?.period);
    } catch (err) {
      problems.push(`x-zhifa.periodsAfter: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return problems;
}

export function checkPeriodsAfter(
  rules: PeriodAfter[],
  submitted: Record<string, unknown>,
  caseVars: Record<string, unknown>,
  titleOf: (field: string) => string,
  calendar: WorkCalendar,
  now: Date,
): FieldError[] {
  const errors: FieldError[] = [];
  for (const rule of rules) {
    const date = submitted[rule.field];
    const fromValue = rule.after === undefined ? shanghaiDate(now) : (submitted[rule.after] ?? caseVars[rule.after]);
    // A missing or malformed date is reported by the schema; this rule speaks only of two real dates.
    if (!isIsoDate(date) || !isIsoDate(fromValue)) continue;
    const earliest = calendar.addPeriod(startOfShanghaiDay(fromValue), rule.period).due;
    if (date >= earliest) continue;
    const from = rule.after === undefined ? `今天（${fromValue}）` : `「${titleOf(rule.after)}」（${fromValue}）`;
    errors.push({ field: rule.field, message: `「${titleOf(rule.field)}」须在${from}之后至少${describePeriod(parsePeriod(rule.period))}，即不早于 ${earliest}` });
  }
  return errors;
}

export function describePeriod(p: Period): string {
  if (p.unit === 'WD') return ` ${p.count} 个工作日`;
  if (p.unit === 'CD') return ` ${p.count} 日`;
  return ` ${p.text}`;
}

export function isIsoDate(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  try {
    parseIsoDate(v);
    return true;
  } catch {
    return false;
  }
}
