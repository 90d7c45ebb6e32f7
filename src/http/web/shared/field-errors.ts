import type { ZhifaError } from '../../../errors.ts';

/** A 422's field errors keyed by field name (two errors on one field joined), for the form renderer. */
export function fieldErrorMap(error: ZhifaError | undefined): Record<string, string> {
  const list = (error?.extra?.errors ?? []) as Array<{ field: string; message: string }>;
  const map: Record<string, string> = {};
  for (const e of list) map[e.field] = map[e.field] ? `${map[e.field]}；${e.message}` : e.message;
  return map;
}
