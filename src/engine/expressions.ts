import { readPath } from './expression-language.ts';

/**
 * Camunda attributes (assignee, candidateGroups, dueDate) arrive as raw strings. They may hold
 * `${name}` or `${variables.name}` placeholders, as Camunda Modeler writes them; we resolve
 * those against the process variables and leave everything else literal.
 */
const PLACEHOLDER = /\$\{\s*([A-Za-z_][\w.]*)\s*\}/g;

export function resolveAttribute(value: string | undefined, variables: Record<string, unknown>): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = String(value);
  const resolved = text.replace(PLACEHOLDER, (_, path: string) => {
    const v = lookup(variables, path.replace(/^(environment\.)?variables\./, ''));
    if (v === undefined || v === null) return '';
    return v instanceof Date ? v.toISOString() : String(v);
  });
  const trimmed = resolved.trim();
  return trimmed === '' ? undefined : trimmed;
}

export function resolveList(value: string | undefined, variables: Record<string, unknown>): string[] {
  const resolved = resolveAttribute(value, variables);
  if (!resolved) return [];
  return resolved.split(',').map((s) => s.trim()).filter(Boolean);
}

function lookup(obj: Record<string, unknown>, path: string): unknown {
  return readPath(obj, path);
}
