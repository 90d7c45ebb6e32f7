import { readJsonFile } from '../json-file.ts';

/**
 * Which statutory clocks are maximum durations of a measure (rules/clock-roll-over.json): their
 * last day is not rolled over to the next working day, so the measure (a seizure, 行政强制法
 * art. 25 "不得超过三十日") never holds property longer than the law allows. Every other clock is a
 * period for an act of the party or the agency and rolls over (DOMAIN.md, statutory time limits).
 */
export interface ClockRollOverRules {
  /** False for a maximum duration. */
  rollsOver(clockName: string): boolean;
}

export const ALWAYS_ROLL_OVER: ClockRollOverRules = { rollsOver: () => true };

export function loadClockRollOver(file: string): ClockRollOverRules {
  const data = readJsonFile(file) as { maximumDurations?: unknown };
  const list = data.maximumDurations;
  if (!Array.isArray(list) || list.some((e) => typeof e?.clock !== 'string' || typeof e?.basis !== 'string' || !e.basis)) {
    throw new Error(`${file}: "maximumDurations" must be a list of {clock, label, basis} (basis: the article that makes it a maximum)`);
  }
  const names = new Set(list.map((e: { clock: string }) => e.clock));
  return { rollsOver: (name) => !names.has(name) };
}
