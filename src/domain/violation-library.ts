import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { readJsonFile } from '../json-file.ts';
import { penaltyKinds } from './penalty/penalty-kinds.ts';
import { violationTypes } from './publication/violation-types.ts';

/**
 * The violation library (违法行为库), rules/violations/: an index.json with the library's version,
 * its effective date and the laws it cites, and one file per violation type with the provisions
 * violated, the penalty provisions (each quoting the article's text), the penalty kinds and the
 * range the provision allows, the evidence to collect and the documents' wording. Read once when
 * the server starts: a file that does not pass stops the server naming the file and the field, so
 * a case never meets a provision that was silently dropped. Hearing right and legal review are not
 * stored here: they follow from rules/hearing-right.json and the legal-review catalog
 * (src/domain/violation-consequences.ts).
 */
export interface Provision {
  /** A key of the index's "laws". */
  law: string;
  article: number;
  paragraph?: number;
  item?: number;
  /** The article's text as the law has it (the paragraph, or the lead-in and the item). */
  text: string;
}

export type PenaltyRange =
  | { type: 'amount'; min?: number; max: number }
  | { type: 'proportion'; base: string; minPercent: number; maxPercent: number }
  | { type: 'multiple'; base: string; min: number; max: number; baseAtLeast?: number };

export interface PenaltyOption {
  /** A code of rules/penalty-kinds.json. */
  kind: string;
  /** Whether the provision imposes it whenever the violation is found (并处), or leaves it to the case. */
  mandatory: boolean;
  /** The provision's own word for it when more precise than the kind (停产整治, 吊销排污许可证). */
  wording?: string;
  /** When the provision allows it (情节严重的, 拒不改正的). */
  condition?: string;
  range?: PenaltyRange;
}

export interface ViolationEntry {
  code: string;
  name: string;
  /** A code of rules/violation-types.json (the 双公示 违法行为类型). */
  violationType: string;
  violatedProvisions: Provision[];
  penaltyProvisions: Provision[];
  penalties: PenaltyOption[];
  /** Provisions for 按日连续处罚 where the violation is one the law lists. */
  dailyPenalty?: Provision[];
  evidence: string[];
  wording: { facts: string; basis: string };
  verified: boolean;
  verification: { checkedOn: string; note: string };
}

export interface LawSource {
  name: string;
  revision: string;
  source: string;
}

export interface ViolationLibrary {
  title: string;
  version: string;
  effectiveDate: string;
  note?: string;
  laws: Record<string, LawSource>;
  entries: ViolationEntry[];
}

export class ViolationLibraryError extends Error {}

const text = { type: 'string', minLength: 1, pattern: '\\S' };
const positive = { type: 'integer', minimum: 1 };
const yuan = { type: 'number', minimum: 0 };
const provision = {
  type: 'object', additionalProperties: false, required: ['law', 'article', 'text'],
  properties: { law: text, article: positive, paragraph: positive, item: positive, text },
};
const range = {
  type: 'object', required: ['type'],
  oneOf: [
    { additionalProperties: false, required: ['type', 'max'], properties: { type: { const: 'amount' }, min: yuan, max: yuan } },
    { additionalProperties: false, required: ['type', 'base', 'minPercent', 'maxPercent'], properties: { type: { const: 'proportion' }, base: text, minPercent: { type: 'number', exclusiveMinimum: 0 }, maxPercent: { type: 'number', exclusiveMinimum: 0 } } },
    { additionalProperties: false, required: ['type', 'base', 'min', 'max'], properties: { type: { const: 'multiple' }, base: text, min: { type: 'number', exclusiveMinimum: 0 }, max: { type: 'number', exclusiveMinimum: 0 }, baseAtLeast: yuan } },
  ],
};
const ENTRY_SCHEMA = {
  type: 'object', additionalProperties: false,
  required: ['code', 'name', 'violationType', 'violatedProvisions', 'penaltyProvisions', 'penalties', 'evidence', 'wording', 'verified', 'verification'],
  properties: {
    code: { type: 'string', pattern: '^[A-Z][A-Z0-9]*-[0-9]{2,}$' },
    name: text,
    violationType: text,
    violatedProvisions: { type: 'array', minItems: 1, items: provision },
    penaltyProvisions: { type: 'array', minItems: 1, items: provision },
    penalties: {
      type: 'array', minItems: 1,
      items: { type: 'object', additionalProperties: false, required: ['kind', 'mandatory'], properties: { kind: text, mandatory: { type: 'boolean' }, wording: text, condition: text, range } },
    },
    dailyPenalty: { type: 'array', minItems: 1, items: provision },
    evidence: { type: 'array', minItems: 1, items: text },
    wording: { type: 'object', additionalProperties: false, required: ['facts', 'basis'], properties: { facts: text, basis: text } },
    verified: { type: 'boolean' },
    verification: { type: 'object', additionalProperties: false, required: ['checkedOn', 'note'], properties: { checkedOn: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }, note: text } },
  },
};
const INDEX_SCHEMA = {
  type: 'object', additionalProperties: false, required: ['title', 'version', 'effectiveDate', 'laws', 'entries'],
  properties: {
    title: text,
    version: text,
    effectiveDate: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    note: text,
    laws: { type: 'object', minProperties: 1, additionalProperties: { type: 'object', additionalProperties: false, required: ['name', 'revision', 'source'], properties: { name: text, revision: text, source: text } } },
    entries: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', pattern: '^[^/\\\\]+\\.json$' } },
  },
};

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validateIndex = ajv.compile(INDEX_SCHEMA);
const validateEntry = ajv.compile(ENTRY_SCHEMA);

/** The first problems ajv found, each as the field's path and what is wrong with it. */
function problems(errors: ErrorObject[] | null | undefined): string {
  // oneOf reports every branch; the branch errors name the field, the oneOf line adds nothing.
  const useful = (errors ?? []).filter((e) => e.keyword !== 'oneOf' && !(e.keyword === 'const' && e.instancePath.endsWith('/type')));
  return (useful.length ? useful : errors ?? []).slice(0, 3).map((e) => `${e.instancePath || '(root)'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` "${String(e.params.additionalProperty)}"` : ''}`).join('; ');
}

function read(file: string): unknown {
  try {
    return readJsonFile(file);
  } catch (err) {
    throw new ViolationLibraryError(`violation library ${file} cannot be read: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The range's bounds in one unit, so min > max is refused whatever the type. */
function bounds(r: PenaltyRange): [number | undefined, number, string] {
  if (r.type === 'amount') return [r.min, r.max, 'min/max'];
  if (r.type === 'proportion') return [r.minPercent, r.maxPercent, 'minPercent/maxPercent'];
  return [r.min, r.max, 'min/max'];
}

/** Checks an entry beyond its shape: codes that must exist elsewhere, ranges that must be ranges. */
function entryProblems(e: ViolationEntry, laws: Record<string, LawSource>, kinds: Record<string, string>, types: Record<string, string>): string[] {
  const out: string[] = [];
  if (!Object.hasOwn(types, e.violationType)) out.push(`/violationType "${e.violationType}" is not a code of rules/violation-types.json`);
  const provisions: Array<[string, Provision[]]> = [['violatedProvisions', e.violatedProvisions], ['penaltyProvisions', e.penaltyProvisions], ['dailyPenalty', e.dailyPenalty ?? []]];
  for (const [field, list] of provisions) {
    list.forEach((p, i) => {
      if (!Object.hasOwn(laws, p.law)) out.push(`/${field}/${i}/law "${p.law}" is not a law of index.json "laws"`);
    });
  }
  e.penalties.forEach((p, i) => {
    if (!Object.hasOwn(kinds, p.kind)) out.push(`/penalties/${i}/kind "${p.kind}" is not a code of rules/penalty-kinds.json`);
    if (p.range) {
      const [min, max, names] = bounds(p.range);
      if (min !== undefined && min > max) out.push(`/penalties/${i}/range: ${names} ${min} > ${max}`);
    }
    if (p.range && p.kind !== 'fine') out.push(`/penalties/${i}/range: only a fine (kind "fine") has a range`);
  });
  return out;
}

/**
 * Reads and checks the library in dir. penaltyKinds and violationTypes are the catalogs the codes
 * must exist in (rules/penalty-kinds.json, rules/violation-types.json by default).
 */
export function loadViolationLibrary(dir: string, catalogs: { penaltyKinds?: Record<string, string>; violationTypes?: Record<string, string> } = {}): ViolationLibrary {
  const kinds = catalogs.penaltyKinds ?? penaltyKinds();
  const types = catalogs.violationTypes ?? violationTypes();
  const indexFile = path.join(dir, 'index.json');
  const index = read(indexFile);
  if (!validateIndex(index)) throw new ViolationLibraryError(`violation library ${indexFile}: ${problems(validateIndex.errors)}`);
  const { entries: files, ...head } = index as Omit<ViolationLibrary, 'entries'> & { entries: string[] };
  const codes = new Map<string, string>();
  const entries = files.map((name) => {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) throw new ViolationLibraryError(`violation library ${indexFile}: lists ${name}, which does not exist`);
    const entry = read(file);
    if (!validateEntry(entry)) throw new ViolationLibraryError(`violation library ${file}: ${problems(validateEntry.errors)}`);
    const e = entry as unknown as ViolationEntry;
    const found = entryProblems(e, head.laws, kinds, types);
    if (found.length) throw new ViolationLibraryError(`violation library ${file}: ${found.join('; ')}`);
    const other = codes.get(e.code);
    if (other) throw new ViolationLibraryError(`violation library ${file}: /code "${e.code}" is also the code of ${other}; cases record the code`);
    codes.set(e.code, name);
    return e;
  });
  return { ...head, entries };
}

export const VIOLATIONS_DIR = path.resolve(import.meta.dirname, '../../rules/violations');
let library: ViolationLibrary | undefined;

/** rules/violations/, read once; the server reads it at start, so a library that cannot load stops it. */
export function violationLibrary(): ViolationLibrary {
  library ??= loadViolationLibrary(VIOLATIONS_DIR);
  return library;
}

export function violationEntry(lib: ViolationLibrary, code: string): ViolationEntry | undefined {
  return lib.entries.find((e) => e.code === code);
}
