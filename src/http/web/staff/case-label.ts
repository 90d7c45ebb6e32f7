import type { DbOrTx } from '../../../store/db.ts';
import { instanceById } from '../../../store/instances.ts';
import { caseLabel } from '../../../domain/case-label.ts';

/** How a case is named on the pages: its 立案编号 (or business key) and its party (or applicant). */
export function caseLabelOf(_caseId: string, businessKey: string | null, variables: string | null): string {
  return caseLabel(businessKey, variables);
}

/** The case an instance belongs to (a called process belongs to the case that called it), with its label. */
export async function caseOfInstance(db: DbOrTx, instanceId: string): Promise<{ caseId: string; caseLabel: string }> {
  const inst = await instanceById(db, instanceId);
  const root = inst && inst.root_id !== inst.id ? await instanceById(db, inst.root_id) : inst;
  return { caseId: root?.id ?? instanceId, caseLabel: root ? caseLabelOf(root.id, root.business_key, root.variables) : '（案件不存在）' };
}
