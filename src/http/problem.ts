import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZhifaError } from '../errors.ts';

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
};

/** Every API error is application/problem+json (RFC 9457) with a sentence a person can act on. */
export function sendProblem(res: Parameters<RequestHandler>[1], status: number, detail: string, extra: Record<string, unknown> = {}): void {
  if (typeof extra.retryAfter === 'number') res.set('Retry-After', String(extra.retryAfter));
  res.status(status).type('application/problem+json').send(JSON.stringify({ type: 'about:blank', title: TITLES[status] ?? 'Error', status, detail, ...extra }));
}

export const notFoundHandler: RequestHandler = (req, res) => {
  sendProblem(res, 404, `no such endpoint: ${req.method} ${req.path}`);
};

export function problemHandler(log: (msg: string, err?: unknown) => void): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    if (err instanceof ZhifaError) return sendProblem(res, err.status, err.detail, err.extra);
    const e = err as { type?: string; status?: number; limit?: number; message?: string };
    if (e.type === 'entity.too.large') return sendProblem(res, 413, `the request body is larger than the limit of ${e.limit} bytes`);
    if (e.type === 'entity.parse.failed') return sendProblem(res, 400, `the request body is not valid JSON: ${e.message}`);
    if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) return sendProblem(res, e.status, e.message ?? 'bad request');
    log('unhandled error', err);
    sendProblem(res, 500, 'an internal error occurred; it has been logged');
  };
}
