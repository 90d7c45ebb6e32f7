import type { TaskForm } from '../../../domain/forms.ts';
import { widgetOf, type PropertySchema } from './form-fields.ts';

/**
 * A browser's form post (urlencoded, nested with `field[0][prop]`) turned into the typed
 * variables the form's schema describes, so the same server validation as the API applies.
 * Empty inputs are left out, so a required field left blank is reported as missing.
 */
export function formInput(form: TaskForm, body: Record<string, unknown>): Record<string, unknown> {
  const props = (form.schema.properties ?? {}) as Record<string, PropertySchema>;
  const out: Record<string, unknown> = {};
  for (const [name, p] of Object.entries(props)) {
    const v = widgetOf(p) === 'discretion-factors' ? factorLevels(body[name], body.violationCode) : convert(p, body[name]);
    if (v !== undefined) out[name] = v;
  }
  return out;
}

function convert(p: PropertySchema, raw: unknown): unknown {
  const widget = widgetOf(p);
  if (widget === 'checkbox') return raw === 'on' || raw === 'true' || raw === true;
  if (p.type === 'array') {
    if (widget === 'rows') {
      const rows = Array.isArray(raw) ? raw : raw && typeof raw === 'object' ? Object.values(raw) : [];
      const itemProps = p.items?.properties ?? {};
      const converted = rows
        .filter((r): r is Record<string, unknown> => !!r && typeof r === 'object')
        .map((r) => {
          const row: Record<string, unknown> = {};
          for (const [n, ip] of Object.entries(itemProps)) {
            const v = convert(ip, r[n]);
            if (v !== undefined && v !== false) row[n] = v;
          }
          return row;
        })
        .filter((r) => Object.keys(r).length > 0);
      return converted.length ? converted : undefined;
    }
    // A text list: one input an entry (several inputs of one name), a line an entry if one text is
    // sent with line breaks; blank entries are no entries. A people picker: the ticked usernames.
    const sent = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
    const texts = sent.filter((r): r is string | number => typeof r === 'string' || typeof r === 'number').map(String);
    const list = (widget === 'list' ? texts.flatMap((t) => t.split(/\r?\n/)) : texts).map((t) => t.trim()).filter(Boolean);
    return list.length ? list : undefined;
  }
  if (raw === undefined || raw === null) return undefined;
  const text = String(raw).trim();
  if (text === '') return undefined;
  if (p.type === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  if (p.type === 'number' || p.type === 'integer') {
    const n = Number(text);
    return Number.isFinite(n) ? n : text;
  }
  return text;
}

/** The discretion factor selects (`field[CODE][FACTOR]=LEVEL`): only the chosen violation type's group counts, as numbers. */
function factorLevels(raw: unknown, code: unknown): Record<string, number> | undefined {
  const group = raw && typeof raw === 'object' && typeof code === 'string' ? (raw as Record<string, unknown>)[code] : undefined;
  if (!group || typeof group !== 'object') return undefined;
  const out: Record<string, number> = {};
  for (const [id, level] of Object.entries(group)) {
    const n = Number(typeof level === 'string' ? level.trim() : level);
    if (level !== '' && Number.isFinite(n)) out[id] = n;
  }
  return Object.keys(out).length ? out : undefined;
}
