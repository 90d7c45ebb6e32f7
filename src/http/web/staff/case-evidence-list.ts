import type { DbOrTx } from '../../../store/db.ts';
import { evidenceOfCase } from '../../../store/evidence.ts';

/** The case's evidence as the task and case pages list it. */
export async function evidenceList(db: DbOrTx, caseId: string) {
  return (await evidenceOfCase(db, caseId)).map((e) => ({ id: e.id, label: `${e.kind} No. ${e.seq}`, fileName: e.file_name, description: e.description }));
}
