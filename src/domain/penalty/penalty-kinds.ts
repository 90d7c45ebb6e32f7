import path from 'node:path';
import { readJsonFile } from '../../json-file.ts';

/** rules/penalty-kinds.json: the penalty kind codes every step, document and publication shares. */
const FILE = path.resolve(import.meta.dirname, '../../../rules/penalty-kinds.json');
const KINDS = (readJsonFile(FILE) as { kinds: Record<string, string> }).kinds;

export const penaltyKindCodes = (): string[] => Object.keys(KINDS);

/** Code → Chinese name, in the order of the file. */
export const penaltyKinds = (): Record<string, string> => ({ ...KINDS });

/** The Chinese name of a kind code; an unknown code is an error naming where it came from. */
export function penaltyKindLabel(code: string, where = 'penalty kind'): string {
  const label = Object.hasOwn(KINDS, code) ? KINDS[code] : undefined;
  if (!label) throw new Error(`${where}: unknown penalty kind "${code}" (rules/penalty-kinds.json)`);
  return label;
}
