import fs from 'node:fs';
import path from 'node:path';
import { isIsoDate } from './date-rules.ts';
import type { FieldError } from './form-messages.ts';
import { readJsonFile } from '../json-file.ts';

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

/** A date outside the main sequence that may only not precede the dates it names (a 复核 after the statement it answers). */
export interface DateAfterEntry extends DateOrderEntry {
  after: string[];
}

export interface DateOrder {
  order: DateOrderEntry[];
  after: DateAfterEntry[];
}

const RULES_DIR = path.resolve(import.meta.dirname, '../../rules');
const loaded = new Map<string, DateOrder>();

/** The order named `name` (rules/<name>-date-order.json); throws with the file's problem. */
export function dateOrder(name: string, dir = RULES_DIR): DateOrder {
  const key = `${dir}\0${name}`;
  const cached = loaded.get(key);
  if (cached) return cached;
  const file = path.join(dir, `${name}-date-order.json`);
  if (!/^[a-z][a-z-]*$/.test(name) || !fs.existsSync(file)) throw new Error(`no date order "${name}" (${file})`);
  const { order, after = [] } = readJsonFile(file) as { order?: unknown; after?: unknown };
  if (!Array.isArray(order) || order.some((e) => typeof e?.variable !== 'string' || typeof e?.label !== 'string')) {
    throw new Error(`${file}: "order" must be a list of {variable, label, mayBeFuture?}`);
  }
  if (!Array.isArray(after) || after.some((e) => typeof e?.variable !== 'string' || typeof e?.label !== 'string' || !Array.isArray(e.after) || !e.after.every((a: unknown) => typeof a === 'string'))) {
    throw new Error(`${file}: "after" must be a list of {variable, label, after: [<variable>, …]}`);
  }
  const known = new Set([...order, ...after].map((e: DateOrderEntry) => e.variable));
  const unknown = (after as DateAfterEntry[]).flatMap((e) => e.after.filter((a) => !known.has(a)));
  if (unknown.length) throw new Error(`${file}: "after" names dates with no label in the file: ${unknown.join(', ')}`);
  const loadedOrder = { order: order as DateOrderEntry[], after: after as DateAfterEntry[] };
  loaded.set(key, loadedOrder);
  return loadedOrder;
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
  const { order, after } = dateOrder(name);
  type Dated = DateOrderEntry & { value: string; own: boolean };
  const valued = (e: DateOrderEntry): Dated[] => {
    const value = submitted[e.variable] ?? caseVars[e.variable];
    return isIsoDate(value) ? [{ ...e, value, own: e.variable in submitted }] : [];
  };
  const dated = order.flatMap(valued);
  const datedAfter = after.flatMap((e) => valued(e).map((d) => ({ ...d, after: e.after })));
  const errors: FieldError[] = [];
  for (const e of [...dated, ...datedAfter]) {
    if (e.own && !e.mayBeFuture && e.value > today) errors.push({ field: e.variable, message: `「${e.label}」（${e.value}）不能晚于今天（${today}）` });
  }
  const misordered = (early: Dated, late: Dated) => {
    if ((early.own || late.own) && late.value < early.value) {
      errors.push({ field: late.own ? late.variable : early.variable, message: `「${late.label}」（${late.value}）不能早于「${early.label}」（${early.value}）` });
    }
  };
  for (let i = 0; i < dated.length; i++) for (let j = i + 1; j < dated.length; j++) misordered(dated[i]!, dated[j]!);
  const all = [...order, ...after].flatMap(valued);
  for (const late of datedAfter) for (const name of late.after) {
    const early = all.find((e) => e.variable === name);
    if (early) misordered(early, late);
  }
  return errors;
}
