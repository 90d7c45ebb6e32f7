import { isDeepStrictEqual } from 'node:util';

/**
 * What a called process added or changed relative to the variables it was started with: only
 * these go back to its caller, so a variable the caller changed meanwhile (on a parallel branch)
 * is not overwritten with the child's stale copy. Both sides are compared as stored (JSON).
 */
export function changedVariables(startedWith: Record<string, unknown>, now: Record<string, unknown>): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(now)) {
    if (value === undefined) continue;
    if (!(name in startedWith) || !isDeepStrictEqual(asStored(startedWith[name]), asStored(value))) changed[name] = value;
  }
  return changed;
}

const asStored = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
