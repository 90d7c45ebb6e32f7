import { dayNumber, daysInMonth, parseIsoDate } from '../calendar/dates.ts';
import { isIsoDate } from './date-rules.ts';
import type { FieldError } from './form-messages.ts';
import { readJsonFile } from '../json-file.ts';

/**
 * 立案审批 (处罚法 arts. 36, 54; 生态环境行政处罚办法 2023): the filing decision is taken within
 * 15 days of the lead's discovery (or receipt of its materials), +15 once on approval; a decision
 * after that limit records why. A violation not discovered within the limitation period (2 years
 * from the act or the end of a continuing act, 5 years where it endangers citizens' life and
 * health or financial safety with harmful consequences) is not penalised: filing is refused.
 */
export interface LimitationPeriod {
  article: string;
  years: number;
  extendedYears: number;
  extendedWhen: string;
}

export function loadLimitationPeriod(file: string): LimitationPeriod {
  const raw = readJsonFile(file) as Partial<LimitationPeriod>;
  const years = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v > 0;
  if (!years(raw.years) || !years(raw.extendedYears) || typeof raw.article !== 'string' || typeof raw.extendedWhen !== 'string') {
    throw new Error(`${file}: needs {article, years, extendedYears, extendedWhen} with whole years`);
  }
  return raw as LimitationPeriod;
}

/** The same calendar day `years` later; 29 February becomes 28 February in a common year. */
export function yearsAfter(date: string, years: number): string {
  const d = parseIsoDate(date);
  const year = d.year + years;
  const day = Math.min(d.day, daysInMonth(year, d.month));
  return `${year}-${String(d.month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The last day on which the violation could still be discovered, and which period applied. */
export function limitationLastDay(rule: LimitationPeriod, violationDate: string, violationEndedOn: unknown, extended: boolean): { from: string; lastDay: string; years: number } {
  const from = isIsoDate(violationEndedOn) ? violationEndedOn : violationDate;
  const years = extended ? rule.extendedYears : rule.years;
  return { from, lastDay: yearsAfter(from, years), years };
}

export interface FilingFacts {
  /** The form's fields and the case's variables, the form's winning. */
  values: Record<string, unknown>;
  today: string;
  /** The last day of the filing period (the filing clock's due day) while the clock runs. */
  filingLastDay: string | null;
}

/** What is wrong with a filing decision; empty when it may be recorded. */
export function checkFiling(rule: LimitationPeriod, { values, today, filingLastDay }: FilingFacts): FieldError[] {
  const errors: FieldError[] = [];
  const filingDate = isIsoDate(values.filingDate) ? values.filingDate : today;
  const discovered = values.leadDiscoveredOn;
  const dates: Array<[string, string]> = [['violationDate', '违法行为发生日期'], ['violationEndedOn', '违法行为终了日期'], ['filingDate', '立案审批日期']];
  for (const [field, title] of dates) {
    if (isIsoDate(values[field]) && dayNumber(values[field] as string) > dayNumber(today)) errors.push({ field, message: `「${title}」（${String(values[field])}）不能晚于今天（${today}）` });
  }
  if (isIsoDate(discovered) && dayNumber(filingDate) < dayNumber(discovered)) {
    errors.push({ field: 'filingDate', message: `「立案审批日期」（${filingDate}）不能早于线索发现日期（${discovered}）` });
  }
  const endsBeforeStart = isIsoDate(values.violationDate) && isIsoDate(values.violationEndedOn) && values.violationEndedOn < values.violationDate;
  if (endsBeforeStart) {
    errors.push({ field: 'violationEndedOn', message: `「违法行为终了日期」（${values.violationEndedOn}）不能早于违法行为发生日期（${values.violationDate}）` });
  }
  // Once the clock is past due the decision is late, whatever earlier day is typed in as its date.
  const late = filingLastDay !== null && dayNumber(today) > dayNumber(filingLastDay);
  const reason = values.lateFilingReason;
  if (late && (typeof reason !== 'string' || reason.trim() === '')) {
    errors.push({ field: 'lateFilingReason', message: `立案审查期限已于 ${filingLastDay} 届满，逾期作出立案决定须填写「逾期立案理由」` });
  }
  if (values.fileCase === true) {
    if (!isIsoDate(values.violationDate)) {
      errors.push({ field: 'violationDate', message: '予以立案须填写「违法行为发生日期」，以核对追责时效（行政处罚法第三十六条）' });
    } else if (isIsoDate(discovered) && !endsBeforeStart) {
      const extended = values.harmsLifeOrFinancialSafety === true;
      const limit = limitationLastDay(rule, values.violationDate, values.violationEndedOn, extended);
      if (dayNumber(discovered) > dayNumber(limit.lastDay)) {
        const other = extended ? '' : `；${rule.extendedWhen}的，期限为${rule.extendedYears}年`;
        errors.push({
          field: 'violationDate',
          message: `违法行为自 ${limit.from} 起${limit.years}年内（至 ${limit.lastDay}）未被发现（线索发现于 ${discovered}），依${rule.article}不再给予行政处罚，不得立案${other}`,
        });
      }
    }
  }
  return errors;
}
