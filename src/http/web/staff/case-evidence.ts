import { evidenceLabel, evidenceWithCorrections, type NamedEvidence } from '../../../evidence/case-evidence.ts';

export { evidenceLabel } from '../../../evidence/case-evidence.ts';

type Db = Parameters<typeof evidenceWithCorrections>[0];

/** An entry as the case page shows it: its label, what was said about it, where, by whom, its hash. */
function entry(r: NamedEvidence) {
  return {
    id: r.id,
    label: evidenceLabel(r),
    fileName: r.file_name,
    size: Number(r.size),
    description: r.description,
    place: r.place,
    speakers: r.speakers,
    summary: r.summary,
    step: r.stepName,
    uploadedBy: r.uploaded_by,
    uploadedByName: r.uploadedByName,
    uploadedAt: new Date(Number(r.uploaded_at)).toISOString(),
    sha256: r.sha256,
    shortHash: `${r.sha256.slice(0, 12)}…`,
    correctsLabel: r.correctsEntry ? evidenceLabel(r.correctsEntry) : null,
  };
}

/** The case's evidence as the case page lists it: each file as first recorded, with the entries that corrected what was said about it. */
export async function caseEvidence(db: Db, caseId: string) {
  return (await evidenceWithCorrections(db, caseId)).map((item) => ({ original: entry(item.original), corrections: item.corrections.map(entry), current: entry(item.current) }));
}
