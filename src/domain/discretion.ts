import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { readJsonFile } from '../json-file.ts';
import { violationLibrary, type PenaltyRange, type ViolationLibrary } from './violation-library.ts';
import { rangeText, yuan } from './violation-view.ts';

/**
 * The discretion benchmark (裁量基准), rules/discretion/: an index.json with the agency's rule for
 * which version a case follows, and the versions (each a folder with its effective date), each
 * with one table per violation code and the circumstances common to all (从重, 从轻, 减轻, 不予处罚).
 * The structure follows 环执法〔2019〕42号: factors of the violation's circumstances and consequences,
 * each with levels scored 0–100 and a weight; the weighted score maps the fine into the legal range
 * the violation library gives. Read once at start, strictly: a table the library does not back (an
 * unknown code, a legal range that differs) stops the server naming the file and the field, so a
 * computed fine never leaves the law's range unnoticed. Pure: no store, no clock.
 */
export interface FactorLevel { level: number; label: string; score: number }
export interface Factor { id: string; name: string; kind: '情节' | '后果'; weight: number; levels: FactorLevel[] }
export interface DiscretionTable {
  code: string;
  title: string;
  /** The legal range the table was written for; must equal the violation library's fine range. */
  legalRange: PenaltyRange;
  weightTotal: number;
  factors: Factor[];
  /** The computed range: the suggested fine ± this percent of (legal max − legal min), within the legal range. */
  band: { percent: number };
}
export interface Circumstance { id: string; name: string; basis: string; points?: number; allowsReduction?: boolean; mandatory?: boolean }
export interface Circumstances {
  formula: string;
  aggravating: Circumstance[];
  mitigating: Circumstance[];
  reduction: { lowPercent: number; highPercent: number; suggestedPercent: number; text: string };
  exemptions: Circumstance[];
}
export interface BenchmarkVersion { version: string; effectiveDate: string; tables: DiscretionTable[]; circumstances: Circumstances }
export interface DiscretionBenchmark {
  title: string;
  note: string;
  appliesTo: { date: 'filingDate'; text: string };
  /** Oldest first. */
  versions: BenchmarkVersion[];
}

export class DiscretionTableError extends Error {}
/** A computation asked with levels, circumstances or amounts the table does not allow; the message is for the officer. */
export class DiscretionInputError extends Error {}

const text = { type: 'string', minLength: 1, pattern: '\\S' };
const id = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9]*$' };
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const percent = { type: 'number', minimum: 0, maximum: 100 };
const INDEX_SCHEMA = {
  type: 'object', additionalProperties: false, required: ['title', 'note', 'appliesTo', 'versions'],
  properties: {
    title: text, note: text,
    appliesTo: { type: 'object', additionalProperties: false, required: ['date', 'text'], properties: { date: { const: 'filingDate' }, text } },
    versions: {
      type: 'array', minItems: 1,
      items: { type: 'object', additionalProperties: false, required: ['version', 'effectiveDate', 'dir', 'tables'], properties: { version: text, effectiveDate: date, dir: { type: 'string', pattern: '^[^/\\\\.][^/\\\\]*$' }, tables: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', pattern: '^[^/\\\\]+\\.json$' } } } },
    },
  },
};
const TABLE_SCHEMA = {
  type: 'object', additionalProperties: false, required: ['code', 'title', 'legalRange', 'weightTotal', 'factors', 'band'],
  properties: {
    code: text, title: text,
    legalRange: { type: 'object', required: ['type'], properties: { type: { enum: ['amount', 'proportion', 'multiple'] } } },
    weightTotal: { type: 'number', exclusiveMinimum: 0 },
    factors: {
      type: 'array', minItems: 1,
      items: {
        type: 'object', additionalProperties: false, required: ['id', 'name', 'kind', 'weight', 'levels'],
        properties: {
          id, name: text, kind: { enum: ['情节', '后果'] }, weight: { type: 'number', exclusiveMinimum: 0 },
          levels: { type: 'array', minItems: 2, items: { type: 'object', additionalProperties: false, required: ['level', 'label', 'score'], properties: { level: { type: 'integer', minimum: 1 }, label: text, score: percent } } },
        },
      },
    },
    band: { type: 'object', additionalProperties: false, required: ['percent'], properties: { percent: { type: 'number', minimum: 0, maximum: 50 } } },
  },
};
const circumstance = (extra: Record<string, unknown>, required: string[] = []) => ({ type: 'object', additionalProperties: false, required: ['id', 'name', 'basis', ...required], properties: { id, name: text, basis: text, ...extra } });
const CIRCUMSTANCES_SCHEMA = {
  type: 'object', additionalProperties: false, required: ['formula', 'aggravating', 'mitigating', 'reduction', 'exemptions'],
  properties: {
    formula: text,
    aggravating: { type: 'array', items: circumstance({ points: percent }, ['points']) },
    mitigating: { type: 'array', items: circumstance({ points: percent, allowsReduction: { type: 'boolean' } }, ['points']) },
    reduction: { type: 'object', additionalProperties: false, required: ['lowPercent', 'highPercent', 'suggestedPercent', 'text'], properties: { lowPercent: percent, highPercent: percent, suggestedPercent: percent, text } },
    exemptions: { type: 'array', items: circumstance({ mandatory: { type: 'boolean' } }, ['mandatory']) },
  },
};
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validateIndex = ajv.compile(INDEX_SCHEMA);
const validateTable = ajv.compile(TABLE_SCHEMA);
const validateCircumstances = ajv.compile(CIRCUMSTANCES_SCHEMA);

function problems(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).slice(0, 3).map((e) => `${e.instancePath || '(root)'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` "${String(e.params.additionalProperty)}"` : ''}`).join('; ');
}

function read(file: string): unknown {
  if (!fs.existsSync(file)) throw new DiscretionTableError(`discretion benchmark ${file} does not exist`);
  try {
    return readJsonFile(file);
  } catch (err) {
    throw new DiscretionTableError(`discretion benchmark ${file} cannot be read: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The violation library's fine range for code, or why there is none. */
function libraryFineRange(lib: ViolationLibrary, code: string): PenaltyRange | string {
  const entry = lib.entries.find((e) => e.code === code);
  if (!entry) return `/code "${code}" is not a code of the violation library (rules/violations/)`;
  const fine = entry.penalties.find((p) => p.kind === 'fine' && p.range);
  return fine?.range ?? `/code "${code}": the violation library gives no fine range for it`;
}

const sameRange = (a: PenaltyRange, b: PenaltyRange) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** Checks a table beyond its shape: the library backs it, weights and levels add up, extremes stay in the legal range. */
function tableProblems(t: DiscretionTable, lib: ViolationLibrary): string[] {
  const out: string[] = [];
  const legal = libraryFineRange(lib, t.code);
  if (typeof legal === 'string') return [legal];
  if (!sameRange(t.legalRange, legal)) out.push(`/legalRange ${JSON.stringify(t.legalRange)} is outside the legal range in the violation library (${rangeText(legal)}); the table must follow the library`);
  const sum = t.factors.reduce((s, f) => s + f.weight, 0);
  if (Math.abs(sum - t.weightTotal) > 1e-9) out.push(`/factors weights sum to ${sum}, but /weightTotal says ${t.weightTotal}`);
  const ids = new Set<string>();
  t.factors.forEach((f, i) => {
    if (ids.has(f.id)) out.push(`/factors/${i}/id "${f.id}" appears twice`);
    ids.add(f.id);
    f.levels.forEach((l, j) => { if (l.level !== j + 1) out.push(`/factors/${i}/levels/${j}/level must be ${j + 1} (levels are numbered 1, 2, … in order)`); });
  });
  return out;
}

/** Checks the common rules beyond their shape: one meaning per id, a 减轻 range that is a range. */
function circumstanceProblems(c: Circumstances): string[] {
  const out: string[] = [];
  const seen = new Map<string, string>();
  for (const list of ['aggravating', 'mitigating', 'exemptions'] as const) {
    c[list].forEach((x, i) => {
      const other = seen.get(x.id);
      if (other) out.push(`/${list}/${i}/id "${x.id}" is also ${other}; a case records the id`);
      seen.set(x.id, `/${list}/${i}`);
    });
  }
  const r = c.reduction;
  if (!(r.lowPercent <= r.suggestedPercent && r.suggestedPercent <= r.highPercent)) out.push(`/reduction: lowPercent ${r.lowPercent} ≤ suggestedPercent ${r.suggestedPercent} ≤ highPercent ${r.highPercent} does not hold`);
  return out;
}

/** Reads and checks the benchmark in dir against the violation library. */
export function loadDiscretionBenchmark(dir: string, lib: ViolationLibrary = violationLibrary()): DiscretionBenchmark {
  const indexFile = path.join(dir, 'index.json');
  const index = read(indexFile);
  if (!validateIndex(index)) throw new DiscretionTableError(`discretion benchmark ${indexFile}: ${problems(validateIndex.errors)}`);
  const head = index as { title: string; note: string; appliesTo: DiscretionBenchmark['appliesTo']; versions: Array<{ version: string; effectiveDate: string; dir: string; tables: string[] }> };
  const seen = new Set<string>();
  const versions = head.versions.map((v, i) => {
    if (seen.has(v.version)) throw new DiscretionTableError(`discretion benchmark ${indexFile}: /versions/${i}/version "${v.version}" appears twice`);
    seen.add(v.version);
    const prev = head.versions[i - 1];
    if (prev && prev.effectiveDate >= v.effectiveDate) throw new DiscretionTableError(`discretion benchmark ${indexFile}: /versions/${i}/effectiveDate ${v.effectiveDate} is not after the version before it (${prev.effectiveDate}); list versions oldest first`);
    const cFile = path.join(dir, v.dir, 'circumstances.json');
    const c = read(cFile);
    if (!validateCircumstances(c)) throw new DiscretionTableError(`discretion benchmark ${cFile}: ${problems(validateCircumstances.errors)}`);
    const wrong = circumstanceProblems(c as unknown as Circumstances);
    if (wrong.length) throw new DiscretionTableError(`discretion benchmark ${cFile}: ${wrong.join('; ')}`);
    const codes = new Set<string>();
    const tables = v.tables.map((name) => {
      const file = path.join(dir, v.dir, name);
      const t = read(file);
      if (!validateTable(t)) throw new DiscretionTableError(`discretion benchmark ${file}: ${problems(validateTable.errors)}`);
      const table = t as unknown as DiscretionTable;
      const found = tableProblems(table, lib);
      if (codes.has(table.code)) found.push(`/code "${table.code}" has another table in version ${v.version}`);
      if (found.length) throw new DiscretionTableError(`discretion benchmark ${file}: ${found.join('; ')}`);
      codes.add(table.code);
      return table;
    });
    return { version: v.version, effectiveDate: v.effectiveDate, tables, circumstances: c as unknown as Circumstances };
  });
  return { title: head.title, note: head.note, appliesTo: head.appliesTo, versions };
}

export const DISCRETION_DIR = path.resolve(import.meta.dirname, '../../rules/discretion');

/** The version a case filed on filingDate (YYYY-MM-DD) follows: the latest in effect on that day. */
export function versionFor(b: DiscretionBenchmark, filingDate: string): BenchmarkVersion {
  const v = [...b.versions].reverse().find((x) => x.effectiveDate <= filingDate);
  if (!v) throw new DiscretionInputError(`立案日期 ${filingDate} 早于最早的裁量基准（${b.versions[0]!.effectiveDate} 起施行），没有适用的裁量基准`);
  return v;
}

export interface DiscretionInput {
  /** The factor id → the level chosen (1, 2, …), one for every factor of the table. */
  levels: Record<string, number>;
  /** Ids of the circumstances found (从重, 从轻, 不予处罚 ones). */
  circumstances?: string[];
  /** 减轻处罚 asked for: needs a 从轻 circumstance that allows it. */
  reduce?: boolean;
  /** The base of a proportional or multiple range (总投资额, 所需处置费用), in yuan. */
  baseAmount?: number;
}

export interface DiscretionResult {
  code: string;
  version: string;
  effectiveDate: string;
  legalRange: { min: number; max: number; text: string };
  factors: Array<{ id: string; name: string; level: number; label: string; score: number; weight: number }>;
  /** The weighted score before and after 从重/从轻, 0–100. */
  baseScore: number;
  score: number;
  circumstances: Array<{ id: string; name: string; effect: '从重' | '从轻' | '不予处罚' | '可以不予处罚'; points?: number }>;
  reduced: boolean;
  /** 应当不予处罚: no fine; the range and the suggestion are 0. */
  noPenalty: boolean;
  /** 可以不予处罚 (art. 33 first violation): the fine is computed, the decision may waive it. */
  mayWaive: boolean;
  range: { low: number; high: number };
  suggested: number;
  /** The calculation in words, one step a line. */
  steps: string[];
}

function legalBounds(r: PenaltyRange, baseAmount: number | undefined): { min: number; max: number; steps: string[] } {
  if (r.type === 'amount') return { min: r.min ?? 0, max: r.max, steps: [`法定幅度：${rangeText(r)}`] };
  if (baseAmount === undefined || !Number.isFinite(baseAmount) || baseAmount <= 0) throw new DiscretionInputError(`法定幅度按${r.base}计算，请填写${r.base}（元）`);
  if (r.type === 'proportion') {
    const min = Math.round((baseAmount * r.minPercent) / 100);
    const max = Math.round((baseAmount * r.maxPercent) / 100);
    return { min, max, steps: [`法定幅度：${rangeText(r)}；${r.base}${yuan(baseAmount)}，即${yuan(min)}至${yuan(max)}`] };
  }
  const base = Math.max(baseAmount, r.baseAtLeast ?? 0);
  const note = base !== baseAmount ? `，不足${yuan(r.baseAtLeast!)}按${yuan(r.baseAtLeast!)}计算` : '';
  return { min: Math.round(base * r.min), max: Math.round(base * r.max), steps: [`法定幅度：${rangeText(r)}；${r.base}${yuan(baseAmount)}${note}，即${yuan(Math.round(base * r.min))}至${yuan(Math.round(base * r.max))}`] };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The range and suggested fine for one violation under one version's table. Throws DiscretionInputError with an officer's message. */
export function computeDiscretion(b: DiscretionBenchmark, code: string, input: DiscretionInput, version?: string): DiscretionResult {
  const v = version === undefined ? b.versions[b.versions.length - 1]! : b.versions.find((x) => x.version === version);
  if (!v) throw new DiscretionInputError(`没有版本为 ${version} 的裁量基准`);
  const table = v.tables.find((t) => t.code === code);
  if (!table) throw new DiscretionInputError(`裁量基准 ${v.version} 版没有该违法行为的裁量表`);
  for (const key of Object.keys(input.levels)) if (!table.factors.some((f) => f.id === key)) throw new DiscretionInputError(`裁量表没有该裁量因素：${key}`);
  const factors = table.factors.map((f) => {
    const chosen = input.levels[f.id];
    const level = f.levels.find((l) => l.level === chosen);
    if (!level) throw new DiscretionInputError(`请为“${f.name}”选择裁量等级（1至${f.levels.length}）`);
    return { id: f.id, name: f.name, level: level.level, label: level.label, score: level.score, weight: f.weight };
  });
  const { min, max, steps } = legalBounds(table.legalRange, input.baseAmount);
  const weighted = factors.reduce((s, f) => s + f.score * f.weight, 0) / table.weightTotal;
  const baseScore = round2(weighted);
  steps.push(...factors.map((f) => `${f.name}：${f.label}（第${f.level}级，分值${f.score}，权重${f.weight}）`));
  steps.push(`裁量分值 = Σ（分值 × 权重）÷ ${table.weightTotal} = ${baseScore}`);

  const c = v.circumstances;
  const found: DiscretionResult['circumstances'] = [];
  let delta = 0;
  for (const cid of input.circumstances ?? []) {
    const agg = c.aggravating.find((x) => x.id === cid);
    const mit = c.mitigating.find((x) => x.id === cid);
    const ex = c.exemptions.find((x) => x.id === cid);
    if (agg) { delta += agg.points!; found.push({ id: cid, name: agg.name, effect: '从重', points: agg.points }); }
    else if (mit) { delta -= mit.points!; found.push({ id: cid, name: mit.name, effect: '从轻', points: mit.points }); }
    else if (ex) found.push({ id: cid, name: ex.name, effect: ex.mandatory ? '不予处罚' : '可以不予处罚' });
    else throw new DiscretionInputError(`裁量基准 ${v.version} 版没有该情节：${cid}`);
  }
  const score = Math.min(100, Math.max(0, round2(weighted + delta)));
  for (const x of found) if (x.points !== undefined) steps.push(`${x.effect}：${x.name}（${x.effect === '从重' ? '+' : '−'}${x.points}分）`);
  if (delta) steps.push(`调整后裁量分值 = ${score}${weighted + delta > 100 || weighted + delta < 0 ? '（以0至100为限，不超出法定幅度）' : ''}`);

  const base = { code, version: v.version, effectiveDate: v.effectiveDate, legalRange: { min, max, text: rangeText(table.legalRange) }, factors, baseScore, score, circumstances: found };
  const noPenalty = found.some((x) => x.effect === '不予处罚');
  if (noPenalty) {
    steps.push(`具有应当不予处罚的情形（${found.filter((x) => x.effect === '不予处罚').map((x) => x.name).join('；')}），不予行政处罚`);
    return { ...base, reduced: false, noPenalty, mayWaive: false, range: { low: 0, high: 0 }, suggested: 0, steps };
  }
  const mayWaive = found.some((x) => x.effect === '可以不予处罚');
  if (input.reduce) {
    const allowing = c.mitigating.filter((m) => m.allowsReduction && (input.circumstances ?? []).includes(m.id));
    if (!allowing.length) throw new DiscretionInputError('减轻处罚须具有行政处罚法第三十二条规定的情形，请先选择该情形');
    if (min <= 0) throw new DiscretionInputError('该违法行为的法定幅度没有下限，不适用减轻处罚');
    const r = c.reduction;
    const range = { low: Math.round((min * r.lowPercent) / 100), high: Math.round((min * r.highPercent) / 100) };
    const suggested = Math.round((min * r.suggestedPercent) / 100);
    steps.push(`减轻处罚：${r.text}`, `计算幅度：${yuan(range.low)}至${yuan(range.high)}；建议罚款${yuan(suggested)}`);
    return { ...base, reduced: true, noPenalty: false, mayWaive, range, suggested, steps };
  }
  const span = max - min;
  const suggested = Math.round(min + (span * score) / 100);
  const bandWidth = Math.round((span * table.band.percent) / 100);
  const range = { low: Math.max(min, suggested - bandWidth), high: Math.min(max, suggested + bandWidth) };
  steps.push(`建议罚款 = ${yuan(min)} +（${yuan(max)} − ${yuan(min)}）× ${score}% = ${yuan(suggested)}`);
  steps.push(`计算幅度：建议罚款上下浮动法定幅度的${table.band.percent}%（${yuan(bandWidth)}），在法定幅度内，即${yuan(range.low)}至${yuan(range.high)}`);
  if (mayWaive) steps.push('初次违法且危害后果轻微并及时改正的，可以不予行政处罚（行政处罚法第三十三条第一款）');
  return { ...base, reduced: false, noPenalty: false, mayWaive, range, suggested, steps };
}

export type DecidedAmountCheck = { ok: true; deviates: boolean } | { ok: false; message: string };

/**
 * Whether a decided fine may stand: outside the legal range never (below the minimum only when
 * reduced), outside the computed range only with a stated reason (recorded as the deviation).
 */
export function checkDecidedAmount(result: DiscretionResult, decided: number, reason?: string): DecidedAmountCheck {
  if (!Number.isFinite(decided) || decided < 0) return { ok: false, message: '决定罚款数额应当是不小于0的金额' };
  const stated = typeof reason === 'string' && /\S/.test(reason);
  if (decided > result.legalRange.max) return { ok: false, message: `决定罚款数额${yuan(decided)}超过法定幅度上限${yuan(result.legalRange.max)}，不得作出` };
  if (result.noPenalty) return decided === 0 ? { ok: true, deviates: false } : { ok: false, message: '具有应当不予处罚的情形，不得决定罚款' };
  if (decided === 0 && result.mayWaive && !stated) return { ok: false, message: '初次违法且危害后果轻微并及时改正，决定不予处罚的，应当说明理由' };
  if (decided < result.legalRange.min && !result.reduced && !(decided === 0 && result.mayWaive)) {
    return { ok: false, message: `决定罚款数额${yuan(decided)}低于法定幅度下限${yuan(result.legalRange.min)}，只有依法减轻处罚时才可以` };
  }
  const inside = decided >= result.range.low && decided <= result.range.high;
  if (inside) return { ok: true, deviates: false };
  if (!stated) return { ok: false, message: `决定罚款数额${yuan(decided)}不在裁量基准计算的幅度（${yuan(result.range.low)}至${yuan(result.range.high)}）内，应当说明理由` };
  return { ok: true, deviates: true };
}

let loaded: DiscretionBenchmark | undefined;
/** rules/discretion/, read once; the server reads it at start, so a benchmark that cannot load stops it. */
export function discretionBenchmark(): DiscretionBenchmark {
  loaded ??= loadDiscretionBenchmark(DISCRETION_DIR);
  return loaded;
}
