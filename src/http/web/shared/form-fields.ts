import type { DiscretionChoices } from '../../../domain/discretion-choices.ts';
import type { TaskForm } from '../../../domain/forms.ts';

/** A JSON-Schema property as the form renderer sees it. */
export interface PropertySchema {
  type?: string;
  title?: string;
  description?: string;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  items?: PropertySchema & { properties?: Record<string, PropertySchema>; required?: string[] };
  'x-ui'?: { widget?: string; labels?: Record<string, string>; group?: string };
  [keyword: string]: unknown;
}

export type Widget = 'text' | 'textarea' | 'select' | 'radio' | 'checkbox' | 'checkboxes' | 'date' | 'number' | 'people' | 'rows' | 'list' | 'discretion-factors';

export interface PersonOption {
  username: string;
  label: string;
  groups: string[];
  certified: boolean;
}

export interface FieldView {
  name: string;
  title: string;
  description?: string;
  required: boolean;
  widget: Widget;
  options?: Array<{ value: string; label: string; selected: boolean }>;
  value?: string;
  checked?: boolean;
  error?: string;
  columns?: FieldView[];
  rows?: FieldView[][];
  /** The discretion factors: per violation type with a table, one select per factor (levels with their scores). */
  groups?: Array<{ code: string; title: string; selected: boolean; factors: Array<{ name: string; title: string; options: Array<{ value: string; label: string; selected: boolean }> }> }>;
  /** A free-text list: one input an entry (the entries, then empty inputs to type more). */
  items?: Array<{ value: string }>;
}

/** Empty rows (object lists) and inputs (text lists) shown after the entries: enough to type without a script, which adds more. */
const EXTRA_ROWS = 2;
const EXTRA_ITEMS = 2;
const MIN_ITEMS = 3;

/** The `x-ui.widget` hints of a list of strings naming users of the system: only these are people pickers. */
export const PEOPLE_WIDGETS = ['officer-picker', 'users'];

/** Which control a property gets: the form's `x-ui.widget` first, then its type. */
export function widgetOf(p: PropertySchema): Widget {
  const hint = p['x-ui']?.widget;
  if (hint === 'textarea') return 'textarea';
  if (hint === 'radio') return 'radio';
  if (hint && PEOPLE_WIDGETS.includes(hint)) return 'people';
  if (hint === 'user-picker') return 'select';
  if (hint === 'discretion-factors') return 'discretion-factors';
  // The circumstances are ids from the benchmark, ticked by name (their options come with the tables).
  if (hint === 'discretion-circumstances') return 'checkboxes';
  if (p.type === 'boolean') return 'checkbox';
  if (p.type === 'number' || p.type === 'integer') return 'number';
  if (p.type === 'array') {
    if (p.items?.type === 'object') return 'rows';
    if (p.items?.enum) return 'checkboxes';
    // A list of words typed in (materials missing, names to redact): never a pick of staff unless the form says it names users.
    return 'list';
  }
  if (p.enum) return 'select';
  if (p.format === 'date') return 'date';
  return 'text';
}

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** The fields of a task form, filled with `values` (what was submitted, or the case's variables) and the errors per field. */
export function formFields(form: TaskForm, values: Record<string, unknown>, errors: Record<string, string>, people: PersonOption[], discretion?: DiscretionChoices): FieldView[] {
  const props = (form.schema.properties ?? {}) as Record<string, PropertySchema>;
  const required = new Set((form.schema.required as string[] | undefined) ?? []);
  return Object.entries(props).map(([name, p]) => {
    const f = field(name, p, required.has(name), values[name], errors[name], people);
    return discretion ? discretionField(f, p, values, discretion) : f;
  });
}

/**
 * The discretion inputs (issue 15): a group of factor selects per violation type with a table, named
 * `field[CODE][FACTOR]` so form-input keeps only the group of the chosen violationCode; the
 * circumstances as boxes with their Chinese names. The chosen levels show in the chosen type's group.
 */
function discretionField(f: FieldView, p: PropertySchema, values: Record<string, unknown>, d: DiscretionChoices): FieldView {
  const hint = p['x-ui']?.widget;
  if (hint === 'discretion-circumstances') {
    const picked = Array.isArray(values[f.name]) ? (values[f.name] as unknown[]).map(str) : [];
    return { ...f, options: d.circumstances.map((c) => ({ value: c.id, label: `${c.effect}：${c.name}`, selected: picked.includes(c.id) })) };
  }
  if (hint !== 'discretion-factors') return f;
  const code = str(values.violationCode);
  const levels = (values[f.name] && typeof values[f.name] === 'object' ? values[f.name] : {}) as Record<string, unknown>;
  const groups = d.groups.map((g) => ({
    code: g.code, title: g.title, selected: g.code === code,
    factors: g.factors.map((x) => ({
      name: `${f.name}[${g.code}][${x.id}]`, title: x.name,
      options: x.levels.map((l) => ({ value: String(l.level), label: `${l.label}（${l.score}分）`, selected: g.code === code && str(levels[x.id]) === String(l.level) })),
    })),
  }));
  return { ...f, groups };
}

function field(name: string, p: PropertySchema, required: boolean, value: unknown, error: string | undefined, people: PersonOption[]): FieldView {
  const widget = widgetOf(p);
  const base: FieldView = { name, title: p.title ?? name, description: p.description, required, widget, error };
  switch (widget) {
    case 'checkbox':
      // A box left unticked submits false: it is required only when the form insists on true (已出示执法证件).
      return { ...base, required: required && p.const === true, checked: value === true };
    case 'radio':
    case 'select': {
      // One person chosen from the users (a hearing host), or from a group's members (`x-ui.group`: the
      // chair of a collective discussion): the page shows display names, the case keeps the username.
      if (p['x-ui']?.widget === 'user-picker') {
        const group = p['x-ui']?.group;
        const offered = people.filter((u) => str(value) === u.username || !group || u.groups.includes(group));
        return { ...base, options: [{ value: '', label: '（不选）', selected: !value }, ...offered.map((u) => ({ value: u.username, label: u.label, selected: str(value) === u.username }))] };
      }
      const labels = p['x-ui']?.labels ?? {};
      const choices = p.type === 'boolean' ? [{ value: 'true', label: labels.true ?? '是' }, { value: 'false', label: labels.false ?? '否' }] : (p.enum ?? []).map((e) => ({ value: str(e), label: labels[str(e)] ?? str(e) }));
      return { ...base, options: choices.map((c) => ({ ...c, selected: str(value) === c.value })) };
    }
    case 'checkboxes': {
      const picked = Array.isArray(value) ? value.map(str) : [];
      const labels = p['x-ui']?.labels ?? {};
      return { ...base, options: (p.items?.enum ?? []).map((e) => ({ value: str(e), label: labels[str(e)] ?? str(e), selected: picked.includes(str(e)) })) };
    }
    case 'people': {
      const picked = Array.isArray(value) ? value.map(str) : [];
      // An officer picker offers certified officers; `x-ui.group` a group's members. Who is already chosen stays offered.
      const group = p['x-ui']?.group;
      const offered = people.filter((u) => picked.includes(u.username) || ((p['x-ui']?.widget !== 'officer-picker' || u.certified) && (!group || u.groups.includes(group))));
      return { ...base, options: offered.map((u) => ({ value: u.username, label: u.label, selected: picked.includes(u.username) })) };
    }
    case 'list': {
      const entries = (Array.isArray(value) ? value.map(str) : value === undefined || value === null || value === '' ? [] : [str(value)]).filter((v) => v !== '');
      const blanks = Math.max(EXTRA_ITEMS, MIN_ITEMS - entries.length);
      return { ...base, items: [...entries, ...Array.from({ length: blanks }, () => '')].map((v) => ({ value: v })) };
    }
    case 'rows': {
      const itemProps = p.items?.properties ?? {};
      const itemRequired = new Set(p.items?.required ?? []);
      const existing = Array.isArray(value) ? (value as Array<Record<string, unknown>>) : [];
      const rowValues: Array<Record<string, unknown>> = [...existing, ...Array.from({ length: EXTRA_ROWS }, () => ({}))];
      const columns = Object.entries(itemProps).map(([n, ip]) => field(n, ip, itemRequired.has(n), undefined, undefined, people));
      const rows = rowValues.map((row, i) => Object.entries(itemProps).map(([n, ip]) => ({ ...field(n, ip, itemRequired.has(n), row?.[n], undefined, people), name: `${name}[${i}][${n}]` })));
      return { ...base, columns, rows };
    }
    default:
      return { ...base, value: str(value) };
  }
}
