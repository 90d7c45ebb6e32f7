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
  /** The other bound: the date may not fall after the day the period ends (a permit hearing within 20 working days of the request, 许可法 art. 47). */
  atMost?: boolean;
  /** How a message names `after` when it is a case variable rather than a field of the form. */
  afterLabel?: string;
}

/** Problems with a form's periodsAfter rules, found when the form is loaded rather than when a clerk submits it. */
export function periodsAfterProblems(rules: unknown, fields: string[]): string[] {
  if (rules === undefined) return [];
  if (!Array.isArray(rules)) return ['x-zhifa.periodsAfter must be a list of {field, after?, period}'];
  const problems: string[] = [];
  for (const r of rules as Array<Partial<PeriodAfter>>) {
    if (!r || typeof r.field !== 'string' || !fields.includes(r.field)) problems.push(`x-zhifa.periodsAfter: "${String(r?.field)}" is not a field of the form`);
    if (r?.after !== undefined && typeof r.after !== 'string') problems.push('x-zhifa.periodsAfter: "after" must name a date field or case variable');
    if (r?.atMost !== undefined && typeof r.atMost !== 'boolean') problems.push('x-zhifa.periodsAfter: "atMost" must be true or false');
    if (r?.afterLabel !== undefined && typeof r.afterLabel !== 'string') problems.push('x-zhifa.periodsAfter: "afterLabel" must be the label of the date it counts from');
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
    const bound = calendar.addPeriod(startOfShanghaiDay(fromValue), rule.period).due;
    const from = rule.after === undefined ? `今天（${fromValue}）` : `「${rule.afterLabel ?? titleOf(rule.after)}」（${fromValue}）`;
    if (rule.atMost) {
      if (date > bound) errors.push({ field: rule.field, message: `「${titleOf(rule.field)}」（${date}）须在${from}之后${describePeriod(parsePeriod(rule.period))}内，即不晚于 ${bound}` });
      continue;
    }
    const earliest = bound;
    if (date >= earliest) continue;
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
