import { DEFAULT_JSON_LIMITS, checkJsonLimits, type JsonLimits } from '../domain/json-limits.ts';
import { badRequest } from '../errors.ts';

/**
 * Process variables are a JSON object, nested no deeper and no larger than the limits, with
 * strings a column can keep; anything else is refused before it reaches the engine.
 */
export function assertVariables(value: unknown, limits: JsonLimits = DEFAULT_JSON_LIMITS): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw badRequest(`variables must be a JSON object, got ${Array.isArray(value) ? 'an array' : typeof value}`);
  }
  checkJsonLimits(value, 'variables', limits);
  return value as Record<string, unknown>;
}
