import fs from 'node:fs';

/**
 * An administrator's JSON file (a form, a rule, a catalog) read strictly. JSON.parse keeps the last
 * of two equal keys in one object, so a second "x-zhifa" block silently drops the first one's rules
 * and a form or rule fails open. Such a file is refused, naming the key and its line.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as JSON.parse: each reader checks the shape it needs
export function readJsonFile(file: string): any {
  return parseStrictJson(fs.readFileSync(file, 'utf8'), file);
}

export function parseStrictJson(text: string, where: string): unknown {
  const value: unknown = JSON.parse(text); // syntax errors first, with JSON.parse's own message
  const duplicate = firstDuplicateKey(text);
  if (duplicate) throw new Error(`${where}: the key "${duplicate.key}" appears twice in one object (line ${duplicate.line}); JSON keeps only the last, so the first would be silently ignored`);
  return value;
}

/** The first key repeated within one object, scanning the text (valid JSON) once. */
function firstDuplicateKey(text: string): { key: string; line: number } | null {
  const stack: Array<Set<string> | null> = []; // a Set per open object, null per open array
  let line = 1;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') line++;
    else if (c === '{') {
      stack.push(new Set());
      expectKey = true;
    } else if (c === '[') {
      stack.push(null);
      expectKey = false;
    } else if (c === '}' || c === ']') {
      stack.pop();
      expectKey = false;
    } else if (c === ',') expectKey = stack[stack.length - 1] instanceof Set;
    else if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        const keys = stack[stack.length - 1] as Set<string>;
        if (keys.has(key)) return { key, line };
        keys.add(key);
        expectKey = false;
      }
      i = j;
    }
  }
  return null;
}
