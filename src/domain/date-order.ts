import fs from 'node:fs';
import path from 'node:path';
import { isIsoDate } from './date-rules.ts';
import type { FieldError } from './form-messages.ts';

/**
 * `"x-zhifa": {"dateOrder": "penalty"}`: the dates of a case follow the order of the procedure
 * (rules/penalty-date-order.json: filing ≤ notice ≤ hearing ≤ legal review ≤ collective
 * discussion ≤ decision ≤ service ≤ payment), and none lies after today on the server's clock.
 * One list for every form of the procedure, kept as data so the agency can read and adjust it.
 * Only pairs with a date this submission sets are checked: a step answers for its own dates.
 */
export interface DateOrderEntry {
  variable: string;
  label: string;
  /** A date fixed ahead (the hearing's scheduled day) may lie in the future. */
  mayBeFuture?: boolean;
}

const RULES_DIR = path.resolve(import.meta.dirname, '../../rules');
const loaded = new Map<string, DateOrderEntry[]>();

/** The order named `name` (rules/<name>-date-order.json); throws with the file's problem. */
export function dateOrder(name: string, dir = RULES_DIR): DateOrderEntry[] {
  const key = `${dir}\0${name}`;
  const cached = loaded.get(key);
  if (cached) return cached;
  const file = path.join(dir, `${name}-date-order.json`);
  if (!/^[a-z][a-z-]*$/.test(name) || !fs.existsSync(file)) throw new Error(`no date order "${name}" (${file})`);
  const order = (JSON.parse(fs.readFileSync(file, 'utf8')) as { order?: unknown }).order;
  if (!Array.isArray(order) || order.some((e) => typeof e?.variable !== 'string' || typeof e?.label !== 'string')) {
    throw new Error(`${file}: "order" must be a list of {variable, label, mayBeFuture?}`);
  }
  loaded.set(key, order as DateOrderEntry[]);
  return order as DateOrderEntry[];
}

/** Problems with the rule's argument, found when the form loads. */
export function dateOrderProblems(value: unknown): string[] {
  if (typeof value !== 'string') return ['must name a date order, e.g. "penalty" (rules/penalty-date-order.json)'];
  try {
    dateOrder(value);
    return [];
  } catch (err) {
    return [err instanceof Error ? err.message : String(err)];
  }
}

export function checkDateOrder(name: string, submitted: Record<string, unknown>, caseVars: Record<string, unknown>, today: string): FieldError[] {
  const order = dateOrder(name);
  const dated = order
    .map((e) => ({ ...e, value: submitted[e.variable] ?? caseVars[e.variable], own: e.variable in submitted }))
    .filter((e): e is typeof e & { value: string } => isIsoDate(e.value));
  const errors: FieldError[] = [];
  for (const e of dated) {
    if (e.own && !e.mayBeFuture && e.value > today) errors.push({ field: e.variable, message: `「${e.label}」（${e.value}）不能晚于今天（${today}）` });
  }
  for (let i = 0; i < dated.length; i++) {
    for (let j = i + 1; j < dated.length; j++) {
      const [early, late] = [dated[i]!, dated[j]!];
      if ((early.own || late.own) && late.value < early.value) {
        errors.push({ field: late.own ? late.variable : early.variable, message: `「${late.label}」（${late.value}）不能早于「${early.label}」（${early.value}）` });
      }
    }
  }
  return errors;
}
