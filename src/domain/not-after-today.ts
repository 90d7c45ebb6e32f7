import { isIsoDate } from './date-rules.ts';
import type { FieldError } from './form-messages.ts';

/** `"x-zhifa": {"notAfterToday": ["leadDiscoveredOn"]}`: a date of what has happened cannot lie in the future of the server's clock. */
export function checkNotAfterToday(fields: string[], submitted: Record<string, unknown>, titleOf: (field: string) => string, today: string): FieldError[] {
  return fields
    .filter((f) => isIsoDate(submitted[f]) && (submitted[f] as string) > today)
    .map((f) => ({ field: f, message: `「${titleOf(f)}」（${String(submitted[f])}）不能晚于今天（${today}）` }));
}
