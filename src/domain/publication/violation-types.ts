import path from 'node:path';
import { readJsonFile } from '../../json-file.ts';

/** rules/violation-types.json: the agency's code list of 违法行为类型, chosen at the case review and published. */
const FILE = path.resolve(import.meta.dirname, '../../../rules/violation-types.json');
const TYPES = (readJsonFile(FILE) as { types: Record<string, string> }).types;

/** Code → Chinese name, in the order of the file. */
export const violationTypes = (): Record<string, string> => ({ ...TYPES });

/** The Chinese name of a chosen type; '' when none was chosen (the publication then uses the 案由). */
export function violationTypeLabel(code: unknown): string {
  if (typeof code !== 'string' || !code.trim()) return '';
  return Object.hasOwn(TYPES, code) ? TYPES[code]! : code.trim();
}
