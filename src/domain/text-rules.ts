import { ZhifaError } from '../errors.ts';

/**
 * The characters and lengths every text from outside must keep to, at the edge, before it is
 * stored: the API, the pages, uploads and deployed diagrams call these, so one rule holds everywhere.
 * U+0000 is refused because PostgreSQL text cannot hold it (and SQLite would cut it short); a lone
 * surrogate is not a character at all, and would be stored as U+FFFD, silently changing what was said.
 */
export const TEXT_LIMITS = {
  // Column widths in src/store/migrations (001_core, 010_evidence, 013_evidence_annotation).
  businessKey: 200,
  processId: 200,
  processName: 500,
  elementId: 200,
  elementName: 500,
  messageName: 200,
  fileName: 255,
  place: 200,
  speakers: 500,
  // description and summary are text columns: bounded so that one record entry stays readable.
  description: 2_000,
  summary: 10_000,
} as const;

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with a text's characters, in words a clerk understands; null when nothing is. */
export function characterProblem(text: string): string | null {
  if (text.includes('\u0000')) return '含有不允许的空字符（U+0000）';
  if (LONE_SURROGATE.test(text)) return '含有无效的 Unicode 字符（单独的代理项，不是完整的字符）';
  return null;
}

/** What is wrong with a text's characters or length; null when nothing is. Length counts characters as people do. */
export function textProblem(text: string, maxLength?: number): string | null {
  const chars = characterProblem(text);
  if (chars) return chars;
  if (maxLength !== undefined) {
    const length = [...text].length;
    if (length > maxLength) return `长度为 ${length} 个字符，超过上限 ${maxLength} 个字符`;
  }
  return null;
}

/** Refuses (422) a text that breaks the rules, naming the field as the user knows it. */
export function checkText(field: string, text: string, maxLength?: number): string {
  const problem = textProblem(text, maxLength);
  if (problem) throw new ZhifaError('unprocessable', `${field}${problem}，未保存`, { extra: { field } });
  return text;
}

/** An id taken from a URL (`/instances/:id`, `/tasks/:id`…) that could never name a row is refused before any query. */
export function checkUrlText(text: string): void {
  const problem = characterProblem(text);
  if (problem) throw new ZhifaError('badRequest', `地址${problem}`);
}
