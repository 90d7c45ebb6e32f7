import type { Clock } from '../clock.ts';
import { notFound, ZhifaError } from '../errors.ts';
import type { Db } from '../store/db.ts';
import { evidenceById, insertEvidence, nextEvidenceSeq, type EvidenceRow } from '../store/evidence.ts';
import { appendHistory } from '../store/history.ts';
import { instanceById, lockCase, type InstanceRow } from '../store/instances.ts';
import type { TaskRow } from '../store/tasks.ts';
import { checkText, TEXT_LIMITS } from '../domain/text-rules.ts';
import { evidenceLabel } from './case-evidence.ts';
import type { EvidenceFiles, ReceivedFile, StoredFile } from './file-store.ts';
import { ALLOWED_EVIDENCE, contentMismatch, EVIDENCE_KINDS, evidenceTypeOf, type EvidenceType } from './media-types.ts';

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
  /** The bytes as received, in a temporary file: kept only when everything else holds. */
  file: ReceivedFile;
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

/** What a form or a request body says about a file (its text fields; anything not text counts as not given). */
export function annotationFrom(fields: Record<string, unknown>): Annotation {
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return { description: text(fields.description) ?? '', place: text(fields.place), speakers: text(fields.speakers), summary: text(fields.summary) };
}

/**
 * What can be judged of an upload before its bytes arrive (its name and what is said about it):
 * checked as soon as the file starts, so a refused upload is never written anywhere.
 */
export function checkUpload(fileName: string, a: Annotation): { type: EvidenceType; annotation: Annotation } {
  checkText('文件名', fileName, TEXT_LIMITS.fileName);
  const type = evidenceTypeOf(fileName);
  if (!type) throw new ZhifaError('unsupportedMediaType', `不接受此类文件「${fileName}」：只能上传 ${Object.keys(ALLOWED_EVIDENCE).join('、')} 文件，未保存`);
  return { type, annotation: checkedAnnotation(a) };
}

/** Adds a received file to a case: its content must be what its name says; numbered per case and kind, recorded on the case. */
export async function addEvidence(db: Db, files: EvidenceFiles, clock: Clock, u: EvidenceUpload): Promise<AddedEvidence> {
  let stored: StoredFile;
  let checked: ReturnType<typeof checkUpload>;
  try {
    checked = checkUpload(u.fileName, u);
    const mismatch = await contentMismatch(u.file.tmp, u.fileName, checked.type);
    if (mismatch) throw new ZhifaError('unsupportedMediaType', mismatch);
    stored = files.keep(u.file);
  } catch (err) {
    files.discard(u.file);
    throw err;
  }
  const kind = checked.type.audioVideo ? EVIDENCE_KINDS.audioVideo : EVIDENCE_KINDS.other;
  return record(db, clock, { instance: u.instance, task: u.task, fileName: u.fileName, mediaType: checked.type.mediaType, kind, stored, annotation: checked.annotation, by: u.uploadedBy, address: u.address ?? null, corrects: null });
}

/**
 * Corrects what was said about a file: nothing recorded changes; a new entry of the same file,
 * numbered like any other, refers to the one it corrects.
 */
export async function correctEvidence(db: Db, clock: Clock, old: EvidenceRow, c: Annotation & { by: string; address?: string | null }): Promise<AddedEvidence> {
  const annotation = checkedAnnotation(c);
  const instance = await instanceById(db, old.instance_id);
  if (!instance) throw notFound(`证据「${evidenceLabel(old)}」所属的流程实例不存在`);
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

/** What is said about a file, each part within its limit: refused (422, stating the limit), never cut short. */
function checkedAnnotation(a: Annotation): Annotation {
  const text = (field: string, v: unknown, max: number) => (typeof v === 'string' && v.trim() ? checkText(field, v.trim(), max) : undefined);
  const description = text('「证据说明」', a.description, TEXT_LIMITS.description);
  if (!description) throw new ZhifaError('unprocessable', '请填写证据说明（记录的内容、地点、在场人员），未保存');
  return { description, place: text('「地点」', a.place, TEXT_LIMITS.place), speakers: text('「在场人员」', a.speakers, TEXT_LIMITS.speakers), summary: text('「主要内容」', a.summary, TEXT_LIMITS.summary) };
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
      file_name: n.fileName,
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
    const label = evidenceLabel({ kind: n.kind, seq });
    const corrected = n.corrects ? await evidenceById(tx, n.corrects) : undefined;
    await appendHistory(tx, [{
      instanceId: n.instance.id, at: now, actor: n.by, address: n.address, kind: 'evidence.added', elementId: n.task?.element_id ?? null,
      data: { evidenceId: id, label, fileName: n.fileName, sha256: n.stored.sha256, size: n.stored.size, taskId: n.task?.id ?? null, annotation: a, ...(corrected && { corrects: { evidenceId: corrected.id, label: evidenceLabel(corrected) } }) },
    }]);
    return { id, kind: n.kind, seq, label, sha256: n.stored.sha256, size: n.stored.size };
  });
}
