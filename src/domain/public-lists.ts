import { readJsonFile } from '../json-file.ts';

/**
 * The lists the agency publishes beside its decisions (rules/*.json, edited by the agency):
 * random-inspection matters and audio-video recording matters. Read once at start; a file that
 * is missing or malformed stops the server naming the file and the item.
 */
export interface PublicList<T> {
  title: string;
  version: string;
  note?: string;
  items: T[];
}

export interface InspectionMatter {
  id: string;
  name: string;
  targets: string;
  basis: string;
  method: string;
  ratio: string;
}

export interface AvRecordingMatter {
  id: string;
  name: string;
  requirement: string;
  mandatory: boolean;
  basis: string;
  /** The process steps (BPMN user tasks) the matter covers; a mandatory one gates them. */
  steps?: Array<{ process: string; element: string }>;
}

function loadList<T>(file: string, textFields: readonly string[], check: (item: Record<string, unknown>) => string | null = () => null): PublicList<T> {
  let data: Record<string, unknown>;
  try {
    data = readJsonFile(file);
  } catch (err) {
    throw new Error(`list ${file} cannot be read: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (typeof data.title !== 'string' || typeof data.version !== 'string' || !Array.isArray(data.items)) throw new Error(`list ${file} needs "title", "version" and "items"`);
  data.items.forEach((item: Record<string, unknown>, i: number) => {
    const missing = ['id', 'name', ...textFields].filter((k) => typeof item?.[k] !== 'string' || !(item[k] as string).trim());
    if (missing.length) throw new Error(`list ${file}: item ${i + 1} (${String(item?.id ?? '?')}) needs the texts ${missing.join(', ')}`);
    const problem = check(item);
    if (problem) throw new Error(`list ${file}: item ${item.id}: ${problem}`);
  });
  return data as unknown as PublicList<T>;
}

export function loadInspectionMatters(file: string): PublicList<InspectionMatter> {
  return loadList(file, ['targets', 'basis', 'method', 'ratio']);
}

export function loadAvRecordingMatters(file: string): PublicList<AvRecordingMatter> {
  return loadList(file, ['requirement', 'basis'], (item) => {
    if (typeof item.mandatory !== 'boolean') return '"mandatory" must be true or false';
    const steps = item.steps;
    if (steps === undefined) return null;
    const ok = Array.isArray(steps) && steps.every((s) => typeof s?.process === 'string' && s.process && typeof s?.element === 'string' && s.element);
    return ok ? null : '"steps" must be a list of {"process": "<process id>", "element": "<user task id>"}';
  });
}
