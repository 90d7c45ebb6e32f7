import type { Readable } from 'node:stream';
import type { Clock } from '../clock.ts';
import { ZhifaError } from '../errors.ts';
import type { Db } from '../store/db.ts';
import { insertEvidence, nextEvidenceSeq } from '../store/evidence.ts';
import { appendHistory } from '../store/history.ts';
import { lockCase, type InstanceRow } from '../store/instances.ts';
import type { TaskRow } from '../store/tasks.ts';
import type { EvidenceFiles } from './file-store.ts';
import { EVIDENCE_KINDS, evidenceTypeOf, ALLOWED_EVIDENCE } from './media-types.ts';

export interface EvidenceUpload {
  instance: InstanceRow;
  task: TaskRow | null;
  fileName: string;
  description: string;
  stream: Readable;
  uploadedBy: string;
}

/** Adds a file to a case: type checked before a byte is kept, size-limited while streaming, numbered per case and kind, recorded on the case. */
export async function addEvidence(db: Db, files: EvidenceFiles, clock: Clock, u: EvidenceUpload): Promise<{ id: number; kind: string; seq: number; label: string }> {
  const type = evidenceTypeOf(u.fileName);
  if (!type) {
    u.stream.resume();
    throw new ZhifaError('unsupportedMediaType', `不接受此类文件「${u.fileName}」：只能上传 ${Object.keys(ALLOWED_EVIDENCE).join('、')} 文件，未保存`);
  }
  if (!u.description.trim()) {
    u.stream.resume();
    throw new ZhifaError('unprocessable', '请填写证据说明（记录的内容、地点、在场人员），未保存');
  }
  const stored = await files.store(u.stream);
  const kind = type.audioVideo ? EVIDENCE_KINDS.audioVideo : EVIDENCE_KINDS.other;
  const now = clock.now().getTime();
  return db.transaction(async (tx) => {
    await lockCase(tx, u.instance.root_id);
    const seq = await nextEvidenceSeq(tx, u.instance.root_id, kind);
    const id = await insertEvidence(tx, {
      case_id: u.instance.root_id,
      instance_id: u.instance.id,
      task_id: u.task?.id ?? null,
      element_id: u.task?.element_id ?? null,
      kind,
      seq,
      file_name: u.fileName.slice(0, 255),
      media_type: type.mediaType,
      size: stored.size,
      sha256: stored.sha256,
      description: u.description.trim(),
      corrects: null,
      uploaded_by: u.uploadedBy,
      uploaded_at: now,
    });
    const label = `${kind} No. ${seq}`;
    await appendHistory(tx, [{ instanceId: u.instance.id, at: now, actor: u.uploadedBy, kind: 'evidence.added', elementId: u.task?.element_id ?? null, data: { evidenceId: id, label, fileName: u.fileName, sha256: stored.sha256, size: stored.size } }]);
    return { id, kind, seq, label };
  });
}
