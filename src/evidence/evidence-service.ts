import type { Readable } from 'node:stream';
import type { Clock } from '../clock.ts';
import { ZhifaError } from '../errors.ts';
import type { Db } from '../store/db.ts';
import { evidenceById, insertEvidence, nextEvidenceSeq, type EvidenceRow } from '../store/evidence.ts';
import { appendHistory } from '../store/history.ts';
import { lockCase, type InstanceRow } from '../store/instances.ts';
import type { TaskRow } from '../store/tasks.ts';
import type { EvidenceFiles, StoredFile } from './file-store.ts';
import { EVIDENCE_KINDS, evidenceTypeOf, ALLOWED_EVIDENCE } from './media-types.ts';

/** What an audio-video record says about itself: what was recorded, where, who speaks, the main content. */
export interface Annotation {
  description: string;
  place?: string;
  speakers?: string;
  summary?: string;
}

export interface EvidenceUpload extends Annotation {
  instance: InstanceRow;
  task: TaskRow | null;
  fileName: string;
  stream: Readable;
  uploadedBy: string;
  /** The client's address, recorded with the file. */
  address?: string | null;
}

export interface AddedEvidence {
  id: number;
  kind: string;
  seq: number;
  label: string;
  sha256: string;
  size: number;
}

/** Adds a file to a case: type checked before a byte is kept, size-limited while streaming, numbered per case and kind, recorded on the case. */
export async function addEvidence(db: Db, files: EvidenceFiles, clock: Clock, u: EvidenceUpload): Promise<AddedEvidence> {
  const type = evidenceTypeOf(u.fileName);
  if (!type) {
    u.stream.resume();
    throw new ZhifaError('unsupportedMediaType', `不接受此类文件「${u.fileName}」：只能上传 ${Object.keys(ALLOWED_EVIDENCE).join('、')} 文件，未保存`);
  }
  let annotation: Annotation;
  try {
    annotation = checkedAnnotation(u);
  } catch (err) {
    u.stream.resume();
    throw err;
  }
  const stored = await files.store(u.stream);
  const kind = type.audioVideo ? EVIDENCE_KINDS.audioVideo : EVIDENCE_KINDS.other;
  return record(db, clock, { instance: u.instance, task: u.task, fileName: u.fileName, mediaType: type.mediaType, kind, stored, annotation, by: u.uploadedBy, address: u.address ?? null, corrects: null });
}

/**
 * Corrects what was said about a file: nothing recorded changes; a new entry of the same file,
 * numbered like any other, refers to the one it corrects.
 */
export async function correctEvidence(db: Db, clock: Clock, old: EvidenceRow, instance: InstanceRow, c: Annotation & { by: string; address?: string | null }): Promise<AddedEvidence> {
  const annotation = checkedAnnotation(c);
  return record(db, clock, {
    instance,
    task: old.task_id ? ({ id: old.task_id, element_id: old.element_id } as TaskRow) : null,
    fileName: old.file_name,
    mediaType: old.media_type,
    kind: old.kind,
    stored: { sha256: old.sha256, size: Number(old.size) },
    annotation,
    by: c.by,
    address: c.address ?? null,
    corrects: old.id,
  });
}

function checkedAnnotation(a: Annotation): Annotation {
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const description = text(a.description);
  if (!description) throw new ZhifaError('unprocessable', '请填写证据说明（记录的内容、地点、在场人员），未保存');
  return { description, place: text(a.place)?.slice(0, 200), speakers: text(a.speakers)?.slice(0, 500), summary: text(a.summary) };
}

interface NewEvidence {
  instance: InstanceRow;
  task: Pick<TaskRow, 'id' | 'element_id'> | null;
  fileName: string;
  mediaType: string;
  kind: string;
  stored: StoredFile;
  annotation: Annotation;
  by: string;
  address: string | null;
  corrects: number | null;
}

async function record(db: Db, clock: Clock, n: NewEvidence): Promise<AddedEvidence> {
  const now = clock.now().getTime();
  return db.transaction(async (tx) => {
    await lockCase(tx, n.instance.root_id);
    const seq = await nextEvidenceSeq(tx, n.instance.root_id, n.kind);
    const a = n.annotation;
    const id = await insertEvidence(tx, {
      case_id: n.instance.root_id,
      instance_id: n.instance.id,
      task_id: n.task?.id ?? null,
      element_id: n.task?.element_id ?? null,
      kind: n.kind,
      seq,
      file_name: n.fileName.slice(0, 255),
      media_type: n.mediaType,
      size: n.stored.size,
      sha256: n.stored.sha256,
      description: a.description,
      place: a.place ?? null,
      speakers: a.speakers ?? null,
      summary: a.summary ?? null,
      corrects: n.corrects,
      uploaded_by: n.by,
      uploaded_from: n.address,
      uploaded_at: now,
    });
    const label = `${n.kind} No. ${seq}`;
    const corrected = n.corrects ? await evidenceById(tx, n.corrects) : undefined;
    await appendHistory(tx, [{
      instanceId: n.instance.id, at: now, actor: n.by, address: n.address, kind: 'evidence.added', elementId: n.task?.element_id ?? null,
      data: { evidenceId: id, label, fileName: n.fileName.slice(0, 255), sha256: n.stored.sha256, size: n.stored.size, taskId: n.task?.id ?? null, annotation: a, ...(corrected && { corrects: { evidenceId: corrected.id, label: `${corrected.kind} No. ${corrected.seq}` } }) },
    }]);
    return { id, kind: n.kind, seq, label, sha256: n.stored.sha256, size: n.stored.size };
  });
}
