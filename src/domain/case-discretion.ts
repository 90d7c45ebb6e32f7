import { checkDecidedAmount, computeDiscretion, DiscretionInputError, versionFor, type DiscretionBenchmark, type DiscretionResult } from './discretion.ts';
import type { FieldError } from './form-messages.ts';
import { violationEntry, type Provision, type ViolationLibrary } from './violation-library.ts';
import { chineseNumber } from './violation-view.ts';

/**
 * The violation library and the discretion benchmark applied to a penalty case (issue 15).
 * At the case review (`x-zhifa.discretion: "compute"`) the chosen violation code fills the
 * structured provisions and the 双公示 违法行为类型 from the library, and the table that applies
 * by the case's filingDate computes the range; the case records `discretion` once. At the
 * decision (`"check"`) the decided fine is checked against that recorded result — never a
 * recomputation, so a later table version does not change a case.
 */
export interface CaseDiscretionRecord {
  version: string;
  effectiveDate: string;
  levels: Record<string, number>;
  circumstances: string[];
  reduced: boolean;
  legalRange: DiscretionResult['legalRange'];
  factors: DiscretionResult['factors'];
  circumstanceNames: DiscretionResult['circumstances'];
  score: number;
  computedRange: DiscretionResult['range'];
  suggestedFine: number;
  noPenalty: boolean;
  mayWaive: boolean;
  steps: string[];
}

export interface DiscretionSources {
  library: ViolationLibrary;
  benchmark: DiscretionBenchmark;
}

type Outcome = { errors: FieldError[]; record: Record<string, unknown> };

/** The library's provision in the shape the forms and documents use (law name, article in Chinese numerals). */
function formProvision(p: Provision, lib: ViolationLibrary) {
  return {
    law: lib.laws[p.law]?.name ?? p.law,
    article: chineseNumber(p.article),
    ...(p.paragraph !== undefined && { paragraph: chineseNumber(p.paragraph) }),
    ...(p.item !== undefined && { item: chineseNumber(p.item) }),
    text: p.text,
  };
}

const numberOr = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** 案件审查: the violation chosen from the library, its provisions filled, the discretion computed when the type has a table. */
export function caseReviewDiscretion(src: DiscretionSources, submitted: Record<string, unknown>, caseVars: Record<string, unknown>, today: string): Outcome {
  const code = submitted.violationCode;
  if (code === undefined || code === null || code === '') {
    const chosen = ['discretionLevels', 'discretionCircumstances', 'discretionReduce', 'discretionBaseAmount'].find((f) => submitted[f] !== undefined);
    if (chosen) return { errors: [{ field: 'violationCode', message: '选择裁量因素前，请先选择「违法行为（违法行为库）」' }], record: {} };
    const missing = (['violatedProvisions', 'penaltyProvisions'] as const).filter((f) => !Array.isArray(submitted[f]) || !(submitted[f] as unknown[]).length);
    return {
      errors: missing.map((f) => ({ field: f, message: `未从违法行为库选择违法行为的，须逐条填写「${f === 'violatedProvisions' ? '违反的法律规定（违法依据）' : '处罚依据'}」` })),
      record: { violationCode: null, discretion: null },
    };
  }
  const entry = violationEntry(src.library, String(code));
  if (!entry) return { errors: [{ field: 'violationCode', message: `违法行为库中没有该违法行为（${String(code)}）` }], record: {} };
  const record: Record<string, unknown> = {
    violationCode: entry.code,
    violationName: entry.name,
    violationType: entry.violationType,
    violationLibraryVersion: src.library.version,
    // The library's words, so the notice, the decision and the publication cite structured provisions.
    violatedProvisions: entry.violatedProvisions.map((p) => formProvision(p, src.library)),
    penaltyProvisions: entry.penaltyProvisions.map((p) => formProvision(p, src.library)),
  };
  const filingDate = typeof caseVars.filingDate === 'string' ? caseVars.filingDate : today;
  let version;
  try {
    version = versionFor(src.benchmark, filingDate);
  } catch (e) {
    if (e instanceof DiscretionInputError) return { errors: [], record: { ...record, discretion: null } };
    throw e;
  }
  if (!version.tables.some((t) => t.code === entry.code)) return { errors: [], record: { ...record, discretion: null } };
  const levels = (submitted.discretionLevels ?? {}) as Record<string, number>;
  const circumstances = Array.isArray(submitted.discretionCircumstances) ? submitted.discretionCircumstances.map(String) : [];
  try {
    const r = computeDiscretion(src.benchmark, entry.code, { levels, circumstances, reduce: submitted.discretionReduce === true, baseAmount: numberOr(submitted.discretionBaseAmount) }, version.version);
    const discretion: CaseDiscretionRecord = {
      version: r.version, effectiveDate: r.effectiveDate, levels, circumstances, reduced: r.reduced, legalRange: r.legalRange,
      factors: r.factors, circumstanceNames: r.circumstances, score: r.score, computedRange: r.range, suggestedFine: r.suggested,
      noPenalty: r.noPenalty, mayWaive: r.mayWaive, steps: r.steps,
    };
    return { errors: [], record: { ...record, discretion } };
  } catch (e) {
    if (e instanceof DiscretionInputError) return { errors: [{ field: 'discretionLevels', message: e.message }], record: {} };
    throw e;
  }
}

/** The recorded result in the shape checkDecidedAmount reads. */
function asResult(d: CaseDiscretionRecord): DiscretionResult {
  return {
    code: '', version: d.version, effectiveDate: d.effectiveDate, legalRange: d.legalRange, factors: d.factors, baseScore: d.score, score: d.score,
    circumstances: d.circumstanceNames, reduced: d.reduced, noPenalty: d.noPenalty, mayWaive: d.mayWaive, range: d.computedRange, suggested: d.suggestedFine, steps: d.steps,
  };
}

/** 处罚决定: a fine outside the recorded computed range needs its stated reason (discretionDeviationReason), recorded as discretionDeviation. */
export function decisionDiscretion(submitted: Record<string, unknown>, caseVars: Record<string, unknown>): Outcome {
  const d = caseVars.discretion as CaseDiscretionRecord | null | undefined;
  if (!d || typeof d !== 'object' || !d.computedRange) return { errors: [], record: {} };
  const fine = numberOr(submitted.decidedFineAmount) ?? 0;
  const reason = typeof submitted.discretionDeviationReason === 'string' ? submitted.discretionDeviationReason : undefined;
  const check = checkDecidedAmount(asResult(d), fine, reason);
  if (!check.ok) {
    const field = /说明理由/.test(check.message) ? 'discretionDeviationReason' : 'decidedFineAmount';
    return { errors: [{ field, message: check.message }], record: {} };
  }
  return {
    errors: [],
    record: { discretionDeviation: check.deviates ? { reason: reason!.trim(), decidedFineAmount: fine, computedRange: d.computedRange, version: d.version } : null },
  };
}
