/**
 * Whether an error means the database cannot be reached right now (it is down, restarting, or the
 * pool cannot get a connection), as opposed to a fault in the request or the code. Such a request
 * is answered 503 with Retry-After: nothing was done, and trying again later will work once the
 * database is back (the pool reconnects by itself).
 */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'SQLITE_BUSY', 'SQLITE_LOCKED']);
// PostgreSQL SQLSTATEs: admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections.
const PG_UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '53300']);
// knex puts the failed SQL before pg's message, so these are looked for anywhere in it.
const MESSAGES = /Connection terminated|Client has encountered a connection error|Knex: Timeout acquiring a connection|connect ECONNREFUSED/;

export const RETRY_AFTER_SECONDS = 5;

export function isDatabaseUnreachable(err: unknown): boolean {
  const seen = new Set<unknown>();
  const queue = [err];
  while (queue.length) {
    const e = queue.shift() as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown; errors?: unknown } | null;
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    const code = typeof e.code === 'string' ? e.code : '';
    if (NETWORK_CODES.has(code) || PG_UNAVAILABLE.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
    if (e.name === 'KnexTimeoutError') return true;
    if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true;
    queue.push(e.cause);
    if (Array.isArray(e.errors)) queue.push(...e.errors);
  }
  return false;
}
