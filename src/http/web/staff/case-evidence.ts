import type { DbOrTx } from '../../../store/db.ts';
import { evidenceOfCase, type EvidenceRow } from '../../../store/evidence.ts';
import { tasksOfCase } from '../../../store/tasks.ts';
import { usersByName } from '../../../store/users.ts';

export const evidenceLabel = (e: Pick<EvidenceRow, 'kind' | 'seq'>) => `${e.kind} No. ${e.seq}`;

/**
 * The case's evidence as the case page lists it: each file as first recorded, with the entries
 * that corrected what was said about it (oldest first). A correction is itself numbered; the form
 * corrects the newest word on the file, so corrections of corrections stay one line of descent.
 */
export async function caseEvidence(db: DbOrTx, caseId: string) {
  const rows = await evidenceOfCase(db, caseId);
  const steps = new Map((await tasksOfCase(db, caseId)).map((t) => [t.id, t.name ?? t.element_id]));
  const people = new Map((await usersByName(db, [...new Set(rows.map((r) => r.uploaded_by))])).map((u) => [u.username, u.display_name ?? u.username]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const originalOf = (r: EvidenceRow): EvidenceRow => {
    const seen = new Set<number>();
    let at = r;
    while (at.corrects !== null && byId.has(Number(at.corrects)) && !seen.has(at.id)) {
      seen.add(at.id);
      at = byId.get(Number(at.corrects))!;
    }
    return at;
  };
  const entry = (r: EvidenceRow) => ({
    id: r.id,
    label: evidenceLabel(r),
    fileName: r.file_name,
    size: Number(r.size),
    description: r.description,
    place: r.place,
    speakers: r.speakers,
    summary: r.summary,
    step: r.task_id ? steps.get(r.task_id) ?? r.element_id : r.element_id,
    uploadedBy: r.uploaded_by,
    uploadedByName: people.get(r.uploaded_by) ?? r.uploaded_by,
    uploadedAt: new Date(Number(r.uploaded_at)).toISOString(),
    sha256: r.sha256,
    shortHash: `${r.sha256.slice(0, 12)}…`,
    correctsLabel: r.corrects !== null && byId.has(Number(r.corrects)) ? evidenceLabel(byId.get(Number(r.corrects))!) : null,
  });

  const items = new Map<number, { original: ReturnType<typeof entry>; corrections: Array<ReturnType<typeof entry>>; current: ReturnType<typeof entry> }>();
  for (const r of rows) {
    const root = originalOf(r);
    if (root.id === r.id) items.set(r.id, { original: entry(r), corrections: [], current: entry(r) });
    else {
      const item = items.get(root.id)!;
      const e = entry(r);
      item.corrections.push(e);
      item.current = e;
    }
  }
  return [...items.values()];
}
