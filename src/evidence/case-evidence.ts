import { UserDirectory } from '../auth/user-directory.ts';
import { ZhifaError } from '../errors.ts';
import type { DbOrTx } from '../store/db.ts';
import { evidenceById, evidenceOfCase, type EvidenceRow } from '../store/evidence.ts';
import { taskById, tasksOfCase, type TaskRow } from '../store/tasks.ts';

export type Evidence = EvidenceRow;

/** How an evidence file is named everywhere (its kind and its number in the case): "音像记录 No. 2". */
export const evidenceLabel = (e: Pick<Evidence, 'kind' | 'seq'>) => `${e.kind} No. ${e.seq}`;

/** One evidence entry by the id in an address; undefined when the id is not a number or there is no such entry. */
export async function evidenceEntry(db: DbOrTx, id: unknown): Promise<Evidence | undefined> {
  const n = Number(id);
  return Number.isInteger(n) ? evidenceById(db, n) : undefined;
}

/** Every evidence entry of a case, corrections included, in the order they were recorded. */
export function evidenceOfTheCase(db: DbOrTx, caseId: string): Promise<Evidence[]> {
  return evidenceOfCase(db, caseId);
}

/** The task an upload names (the caller checks the user may open its case, then `assertTakesEvidence`). */
export function uploadTask(db: DbOrTx, taskId: string): Promise<TaskRow | undefined> {
  return taskById(db, taskId);
}

/** Evidence is linked to a step still being done, never added to one closed (the API and the task page alike). */
export function assertTakesEvidence(task: Pick<TaskRow, 'status' | 'name' | 'element_id'>): void {
  if (task.status !== 'open') throw new ZhifaError('conflict', `任务「${task.name ?? task.element_id}」已${task.status === 'completed' ? '办结' : '结束'}，不能再为它上传证据`);
}

/** An entry with the names a reader needs: the step it was uploaded on and who uploaded it. */
export type NamedEvidence = Evidence & { stepName: string | null; uploadedByName: string; correctsEntry: Evidence | null };

export interface EvidenceItem {
  original: NamedEvidence;
  corrections: NamedEvidence[];
  /** The newest word on the file: the last correction, else the original. */
  current: NamedEvidence;
}

/**
 * The case's evidence, each file as first recorded with the entries that corrected what was said
 * about it (oldest first). A correction is itself numbered; the form corrects the newest word on
 * the file, so corrections of corrections stay one line of descent.
 */
export async function evidenceWithCorrections(db: DbOrTx, caseId: string): Promise<EvidenceItem[]> {
  const rows = await evidenceOfCase(db, caseId);
  const steps = new Map((await tasksOfCase(db, caseId)).map((t) => [t.id, t.name ?? t.element_id]));
  const people = await new UserDirectory(db).displayNames(rows.map((r) => r.uploaded_by));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const named = (r: Evidence): NamedEvidence => ({
    ...r,
    stepName: r.task_id ? steps.get(r.task_id) ?? r.element_id : r.element_id,
    uploadedByName: people.get(r.uploaded_by) ?? r.uploaded_by,
    correctsEntry: r.corrects !== null ? byId.get(Number(r.corrects)) ?? null : null,
  });
  const originalOf = (r: Evidence): Evidence => {
    const seen = new Set<number>();
    let at = r;
    while (at.corrects !== null && byId.has(Number(at.corrects)) && !seen.has(at.id)) {
      seen.add(at.id);
      at = byId.get(Number(at.corrects))!;
    }
    return at;
  };
  const items = new Map<number, EvidenceItem>();
  for (const r of rows) {
    const root = originalOf(r);
    const e = named(r);
    if (root.id === r.id) items.set(r.id, { original: e, corrections: [], current: e });
    else {
      const item = items.get(root.id)!;
      item.corrections.push(e);
      item.current = e;
    }
  }
  return [...items.values()];
}
