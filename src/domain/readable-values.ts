/**
 * What was submitted on a form, as a person reads it: each field under the form's own title, in
 * the form's order; a choice by its label (`x-ui.labels`), a yes/no as 是/否, a person by name, a
 * list of records (the evidence list, the provisions applied) as a small table. Fields the form
 * does not declare (what a rule recorded beside them) and empty fields are left out.
 */
import { circumstancesInWords, discretionChoices, levelsInWords, type DiscretionChoices } from './discretion-choices.ts';
import { discretionBenchmark } from './discretion.ts';

export interface ReadableField {
  title: string;
  text?: string;
  /** Long text (a textarea): shown with its line breaks. */
  long?: boolean;
  table?: { columns: string[]; rows: string[][] };
}

interface Property {
  type?: string;
  title?: string;
  format?: string;
  enum?: unknown[];
  items?: Property & { properties?: Record<string, Property> };
  'x-ui'?: { widget?: string; labels?: Record<string, string> };
}


export type NameOf = (username: string) => string;

const PEOPLE_WIDGETS = new Set(['users', 'officer-picker', 'user-picker']);

export function readableFields(schema: { properties?: Record<string, unknown> }, values: Record<string, unknown>, nameOf: NameOf): ReadableField[] {
  const out: ReadableField[] = [];
  for (const [name, raw] of Object.entries(schema.properties ?? {})) {
    const value = values[name];
    if (isEmpty(value)) continue;
    const p = raw as Property;
    const title = p.title ?? name;
    if (p.type === 'array' && p.items?.type === 'object' && Array.isArray(value)) {
      const cols = Object.entries(p.items.properties ?? {});
      const rows = value.map((row) => cols.map(([n, cp]) => textOf(cp, (row as Record<string, unknown> | null)?.[n], nameOf)));
      out.push({ title, table: { columns: cols.map(([n, cp]) => cp.title ?? n), rows } });
      continue;
    }
    const discretion = discretionText(p, value, values);
    out.push({ title, text: discretion ?? textOf(p, value, nameOf), ...(p['x-ui']?.widget === 'textarea' && { long: true }) });
  }
  return out;
}

/**
 * The discretion inputs by the benchmark's Chinese names (the factor, the level and its score; the
 * circumstance and its effect), in the table version the case recorded (else the one in force).
 */
function discretionText(p: Property, value: unknown, values: Record<string, unknown>): string | undefined {
  const widget = p['x-ui']?.widget;
  if (widget !== 'discretion-factors' && widget !== 'discretion-circumstances') return undefined;
  const recorded = values.discretion as { version?: unknown } | null | undefined;
  const version = recorded && typeof recorded.version === 'string' ? recorded.version : undefined;
  let choices: DiscretionChoices;
  try {
    choices = discretionChoices(discretionBenchmark(), undefined, version);
  } catch {
    return undefined;
  }
  if (widget === 'discretion-circumstances') return Array.isArray(value) ? circumstancesInWords(choices, value) : undefined;
  return value && typeof value === 'object' ? levelsInWords(choices, values.violationCode, value as Record<string, unknown>) : undefined;
}

function textOf(p: Property, value: unknown, nameOf: NameOf): string {
  if (isEmpty(value)) return '';
  const labels = p['x-ui']?.labels ?? {};
  const people = PEOPLE_WIDGETS.has(p['x-ui']?.widget ?? '');
  if (Array.isArray(value)) {
    const item = p.items ?? {};
    // A list's labels may sit on the list (checkboxes) or on its items.
    const itemLabels = { ...(item['x-ui']?.labels ?? {}), ...labels };
    return value.map((v) => (people ? nameOf(String(v)) : typeof v === 'object' && v !== null ? Object.values(v).map(String).join(' ') : textOf({ ...item, 'x-ui': { ...item['x-ui'], labels: itemLabels } }, v, nameOf))).join('、');
  }
  if (typeof value === 'boolean') return labels[String(value)] ?? (value ? '是' : '否');
  if (people) return nameOf(String(value));
  if (typeof value === 'object') return JSON.stringify(value);
  return labels[String(value)] ?? String(value);
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
