/**
 * One error family. `status` is what the HTTP layer answers; `code` is stable for
 * clients and tests; `detail` is the human-readable sentence a clerk can act on.
 */
export const ErrorCodes = {
  badRequest: 400,
  unauthorized: 401,
  forbidden: 403,
  notFound: 404,
  methodNotAllowed: 405,
  conflict: 409,
  tooLarge: 413,
  unsupportedMediaType: 415,
  unprocessable: 422,
  tooManyRequests: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

export class ZhifaError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly detail: string;
  readonly extra?: Record<string, unknown>;

  constructor(code: ErrorCode, detail: string, options: { cause?: unknown; extra?: Record<string, unknown> } = {}) {
    super(detail, { cause: options.cause });
    this.name = 'ZhifaError';
    this.code = code;
    this.status = ErrorCodes[code];
    this.detail = detail;
    this.extra = options.extra;
  }
}

export const badRequest = (detail: string, extra?: Record<string, unknown>) => new ZhifaError('badRequest', detail, { extra });
export const notFound = (detail: string) => new ZhifaError('notFound', detail);
export const conflict = (detail: string) => new ZhifaError('conflict', detail);
export const forbidden = (detail: string) => new ZhifaError('forbidden', detail);
export const unauthorized = (detail: string) => new ZhifaError('unauthorized', detail);
