import type { ErrorRequestHandler, RequestHandler } from 'express';
import { CommandLimitError, DeploymentError, EngineError, EngineErrorCodes, type EngineErrorCode } from '../engine/errors.ts';
import { ZhifaError } from '../errors.ts';
import { isDatabaseUnreachable, RETRY_AFTER_SECONDS } from './unavailable.ts';

export const DATABASE_UNREACHABLE = '数据库暂时无法连接，本次操作没有执行；请稍后重试（the database is unreachable; nothing was done, try again shortly）';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Every API error is application/problem+json (RFC 9457) with a sentence a person can act on. */
export function sendProblem(res: Parameters<RequestHandler>[1], status: number, detail: string, extra: Record<string, unknown> = {}): void {
  if (typeof extra.retryAfter === 'number') res.set('Retry-After', String(extra.retryAfter));
  res.status(status).type('application/problem+json').send(JSON.stringify({ type: 'about:blank', title: TITLES[status] ?? 'Error', status, detail, ...extra }));
}

/** What the engine's error codes answer over HTTP: an unreadable document is a bad request, anything the engine refuses is unprocessable. */
const ENGINE_STATUS: Record<EngineErrorCode, number> = {
  [EngineErrorCodes.invalidDiagram]: 400,
  [EngineErrorCodes.refusedDiagram]: 422,
  [EngineErrorCodes.commandLimit]: 422,
  [EngineErrorCodes.runFailed]: 422,
};

export interface KnownError {
  status: number;
  detail: string;
  extra?: Record<string, unknown>;
}

/** The one mapping from an error the application throws on purpose to its HTTP answer; null for a fault. */
export function knownError(err: unknown): KnownError | null {
  if (err instanceof ZhifaError) return { status: err.status, detail: err.detail, extra: err.extra };
  if (err instanceof DeploymentError) return { status: ENGINE_STATUS[err.code], detail: err.message, extra: { code: err.code, problems: err.problems } };
  if (err instanceof CommandLimitError) return { status: ENGINE_STATUS[err.code], detail: err.message, extra: { code: err.code, elementId: err.elementId } };
  if (err instanceof EngineError) return { status: ENGINE_STATUS[err.code], detail: `the process could not run this command: ${err.message}`, extra: { code: err.code } };
  return null;
}

export const notFoundHandler: RequestHandler = (req, res) => {
  sendProblem(res, 404, `no such endpoint: ${req.method} ${req.path}`);
};

export function problemHandler(log: (msg: string, err?: unknown) => void): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const known = knownError(err);
    if (known) return sendProblem(res, known.status, known.detail, known.extra);
    const e = err as { type?: string; status?: number; limit?: number; message?: string };
    if (e.type === 'entity.too.large') return sendProblem(res, 413, `the request body is larger than the limit of ${e.limit} bytes`);
    if (e.type === 'entity.parse.failed') return sendProblem(res, 400, `the request body is not valid JSON: ${e.message}`);
    if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) return sendProblem(res, e.status, e.message ?? 'bad request');
    if (isDatabaseUnreachable(err)) {
      log('database unreachable', err);
      res.set('Retry-After', String(RETRY_AFTER_SECONDS));
      return sendProblem(res, 503, DATABASE_UNREACHABLE);
    }
    log('unhandled error', err);
    sendProblem(res, 500, 'an internal error occurred; it has been logged');
  };
}
