import type { DbOrTx } from './db.ts';
import { fromJson } from './json.ts';

export interface DecidedCaseRow {
  id: string;
  caseNo: string | null;
  variables: Record<string, unknown>;
}

/**
 * Penalty cases of this database (one agency) whose case review chose `violationCode` and whose
 * decision recorded a fine: the cases the 类案参考 compares with. The text match narrows the rows;
 * the parsed variables decide, so a code that only appears inside another field never counts.
 */
export async function decidedPenaltyCases(db: DbOrTx, violationCode: string, exceptId: string): Promise<DecidedCaseRow[]> {
  const rows = await db('instances')
    .select('id', 'case_no', 'variables')
    .where({ process_key: 'penalty' })
    .whereRaw('id = root_id')
    .whereNot('id', exceptId)
    .where('variables', 'like', `%${violationCode}%`)
    .orderBy('started_at', 'asc');
  return rows
    .map((r: { id: string; case_no: string | null; variables: string }) => ({ id: r.id, caseNo: r.case_no, variables: fromJson<Record<string, unknown>>(r.variables, {}) }))
    .filter((r) => r.variables.violationCode === violationCode && typeof r.variables.decidedFineAmount === 'number' && typeof r.variables.decisionDate === 'string');
}
