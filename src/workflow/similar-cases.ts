import type { CaseDiscretionRecord } from '../domain/case-discretion.ts';
import type { DbOrTx } from '../store/db.ts';
import { decidedPenaltyCases } from '../store/similar-cases.ts';

export interface SimilarCase {
  caseNo: string;
  decisionDate: string;
  fine: number;
  version: string | null;
  /** The factor levels as 「因素：等级」, for reading. */
  factors: string[];
  deviated: boolean;
}

export interface SimilarCases {
  cases: SimilarCase[];
  stats: { count: number; min: number; median: number; max: number } | null;
  /** Where this case's suggested fine stands: how many decided fines are lower, and the percentile. */
  standing: { suggested: number; below: number; percentile: number } | null;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : Math.round((s[m - 1]! + s[m]!) / 2);
};

/**
 * 类案参考 (issue 15): the decided penalty cases of the same violation type in this agency, with
 * their factors and fines, and where this case's suggested fine stands among them. The case review
 * and decision pages call this; one rule in one place.
 */
export async function similarCases(db: DbOrTx, caseId: string, caseVars: Record<string, unknown>): Promise<SimilarCases | null> {
  const code = caseVars.violationCode;
  if (typeof code !== 'string' || !code) return null;
  const rows = await decidedPenaltyCases(db, code, caseId);
  const cases = rows.map((r) => {
    const d = r.variables.discretion as CaseDiscretionRecord | null | undefined;
    return {
      caseNo: r.caseNo ?? '（未编号）',
      decisionDate: String(r.variables.decisionDate),
      fine: r.variables.decidedFineAmount as number,
      version: d?.version ?? null,
      factors: d?.factors?.map((f) => `${f.name}：${f.label}`) ?? [],
      deviated: !!r.variables.discretionDeviation,
    };
  });
  const fines = cases.map((c) => c.fine);
  const stats = fines.length ? { count: fines.length, min: Math.min(...fines), median: median(fines), max: Math.max(...fines) } : null;
  const own = caseVars.discretion as CaseDiscretionRecord | null | undefined;
  const standing = own && fines.length
    ? { suggested: own.suggestedFine, below: fines.filter((f) => f < own.suggestedFine).length, percentile: Math.round((fines.filter((f) => f < own.suggestedFine).length / fines.length) * 100) }
    : null;
  return { cases, stats, standing };
}
