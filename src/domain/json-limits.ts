import { ZhifaError } from '../errors.ts';
import { characterProblem } from './text-rules.ts';

export interface JsonLimits {
  /** How deep objects and arrays may nest (the value itself is depth 0). */
  maxDepth: number;
  /** The most bytes its JSON text may take (UTF-8). */
  maxBytes: number;
}

export const DEFAULT_JSON_LIMITS: JsonLimits = { maxDepth: 64, maxBytes: 256 * 1024 };

/** `variables.a[0].b`: where a value sits, as a JavaScript path. */
function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (parent === '' && /^[A-Za-z_$][\w$]*$/.test(key)) return key;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

/**
 * Refuses (422, naming the path) a parsed JSON value nested deeper than the limit or holding a
 * string that no column can keep (U+0000, a lone surrogate). The walk keeps its own stack, so a
 * body of 10,000 nested arrays is measured without recursion and refused before anything
 * recursive (JSON.stringify, the engine, a schema validator) sees it.
 */
export function checkJsonShape(value: unknown, root: string, maxDepth: number, startDepth = 0): void {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: root, depth: startDepth }];
  while (stack.length) {
    const { value: v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      const problem = characterProblem(v);
      if (problem) throw new ZhifaError('unprocessable', `${path || '请求内容'} 的值${problem}，未保存`, { extra: { path } });
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    if (depth >= maxDepth) {
      throw new ZhifaError('unprocessable', `${path || '请求内容'} 嵌套过深：对象和数组最多嵌套 ${maxDepth} 层，未保存`, { extra: { path, maxDepth } });
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: childPath(path, i), depth: depth + 1 });
      continue;
    }
    for (const [k, child] of Object.entries(v)) {
      const problem = characterProblem(k);
      if (problem) throw new ZhifaError('unprocessable', `${path || '请求内容'} 中有一个名称${problem}，未保存`, { extra: { path } });
      stack.push({ value: child, path: childPath(path, k), depth: depth + 1 });
    }
  }
}

/** Refuses (422) process variables nested too deep, holding forbidden characters, or too large when stored. */
export function checkJsonLimits(value: unknown, root: string, limits: JsonLimits): void {
  checkJsonShape(value, root, limits.maxDepth);
  const bytes = Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
  if (bytes > limits.maxBytes) {
    throw new ZhifaError('unprocessable', `${root} 过大：共 ${Math.ceil(bytes / 1024)} KB，上限为 ${Math.floor(limits.maxBytes / 1024)} KB，未保存`, { extra: { path: root, bytes, maxBytes: limits.maxBytes } });
  }
}
