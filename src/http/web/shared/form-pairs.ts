/**
 * A form's fields as a multipart post sends them (name and value, in order) read into the body
 * the urlencoded parser gives for the same form: a repeated name is a list, `name[i][prop]` a
 * row of a table field. So formInput reads a task form the same whether it came with a file or not.
 */
export function bodyOfPairs(pairs: [string, string][]): Record<string, unknown> {
  const body: Record<string, unknown> = Object.create(null);
  for (const [name, value] of pairs) {
    const row = /^([^[\]]+)\[(\d+)\]\[([^[\]]+)\]$/.exec(name);
    if (row) {
      const [, field, index, prop] = row as unknown as [string, string, string, string];
      const rows = (body[field] ??= Object.create(null)) as Record<string, Record<string, string>>;
      if (typeof rows !== 'object' || Array.isArray(rows)) continue;
      (rows[index] ??= Object.create(null))[prop] = value;
      continue;
    }
    const before = body[name];
    body[name] = before === undefined ? value : Array.isArray(before) ? [...before, value] : typeof before === 'string' ? [before, value] : before;
  }
  return body;
}
