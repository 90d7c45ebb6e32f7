import type { DbOrTx } from './db.ts';

export interface EvidenceRow {
  id: number;
  case_id: string;
  instance_id: string;
  task_id: string | null;
  element_id: string | null;
  kind: string;
  seq: number;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  description: string | null;
  place: string | null;
  speakers: string | null;
  summary: string | null;
  corrects: number | null;
  uploaded_by: string;
  uploaded_from: string | null;
  uploaded_at: number;
}

/** The next number of a kind in a case; the caller holds the case lock, so two uploads never share one. */
export async function nextEvidenceSeq(db: DbOrTx, caseId: string, kind: string): Promise<number> {
  const row = await db('evidence').where({ case_id: caseId, kind }).max({ seq: 'seq' }).first();
  return Number((row as { seq: number | null } | undefined)?.seq ?? 0) + 1;
}

export async function insertEvidence(db: DbOrTx, row: Omit<EvidenceRow, 'id'>): Promise<number> {
  const [inserted] = await db('evidence').insert(row).returning('id');
  return typeof inserted === 'object' ? (inserted as { id: number }).id : (inserted as number);
}

export function evidenceOfCase(db: DbOrTx, caseId: string): Promise<EvidenceRow[]> {
  return db<EvidenceRow>('evidence').where({ case_id: caseId }).orderBy('id');
}

export function evidenceById(db: DbOrTx, id: number): Promise<EvidenceRow | undefined> {
  return db<EvidenceRow>('evidence').where({ id }).first();
}

/** Audio-video files of a case uploaded while completing one task (the audio-video gate asks). */
export async function countAudioVideoOfTask(db: DbOrTx, taskId: string, kind: string): Promise<number> {
  const row = await db('evidence').where({ task_id: taskId, kind }).count({ n: '*' }).first();
  return Number((row as { n: number | string } | undefined)?.n ?? 0);
}
