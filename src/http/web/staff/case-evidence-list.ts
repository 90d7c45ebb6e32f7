import { evidenceLabel, evidenceOfTheCase } from '../../../evidence/case-evidence.ts';

/** The case's evidence as the task and case pages list it. */
export async function evidenceList(db: Parameters<typeof evidenceOfTheCase>[0], caseId: string) {
  return (await evidenceOfTheCase(db, caseId)).map((e) => ({ id: e.id, label: evidenceLabel(e), fileName: e.file_name, description: e.description }));
}
