import type { RequestHandler } from 'express';
import { checkJsonShape, type JsonLimits } from '../domain/json-limits.ts';
import { checkUrlText } from '../domain/text-rules.ts';
import { badRequest } from '../errors.ts';

/**
 * The text rules (src/domain/text-rules.ts) applied to what every request brings, on the API and
 * the pages alike, before a route or a query sees it: the address (every `:id`, every query
 * parameter) and the parsed body.
 */
export const urlRules: RequestHandler = (req, _res, next) => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(req.originalUrl.replace(/\+/g, ' '));
  } catch {
    // Percent-encoding that is not UTF-8 (a lone surrogate cannot be encoded otherwise) would be read as U+FFFD.
    return next(badRequest('地址中有无效的编码（不是 UTF-8 字符）'));
  }
  checkUrlText(decoded);
  next();
};

/**
 * The parsed body: nested no deeper than variables may be (one level more: variables sit in the
 * body), and no string a column cannot keep. Measured without recursion, before any route runs.
 */
export function bodyRules(limits: Pick<JsonLimits, 'maxDepth'>): RequestHandler {
  return (req, _res, next) => {
    if (req.body && typeof req.body === 'object') checkJsonShape(req.body, '', limits.maxDepth, -1);
    next();
  };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** For express.json's `verify`: bytes that are not UTF-8 are refused, not read as U+FFFD. */
export function verifyUtf8(_req: unknown, _res: unknown, buf: Buffer): void {
  try {
    utf8.decode(buf);
  } catch {
    throw badRequest('请求内容不是有效的 UTF-8 文本');
  }
}
