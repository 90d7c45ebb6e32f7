import { Router } from 'express';
import type { Clock } from '../../clock.ts';
import { evidenceEntry, evidenceLabel, evidenceOfTheCase, uploadTask, type Evidence } from '../../evidence/case-evidence.ts';
import { annotationFrom, correctEvidence } from '../../evidence/evidence-service.ts';
import type { EvidenceFiles } from '../../evidence/file-store.ts';
import { forbidden, notFound, ZhifaError } from '../../errors.ts';
import type { Workflow } from '../../workflow/workflow.ts';
import { actorOf } from '../authenticate.ts';
import { receiveEvidence, sendEvidenceFile } from '../evidence-upload.ts';
import { assertCaseAccess } from '../case-access.ts';

export const NOTHING_RECORDED_CHANGES = '已记录的内容不得修改或删除（音像记录不得毁损、篡改、删除、剪接）；如需更正，请提交一条更正记录：POST /api/evidence/:id/corrections';

/**
 * Evidence over the API: upload for a task (multipart, streamed and size-limited like the web
 * form), the case's list, a file, and corrections of what was said about one. There is no
 * operation that edits or deletes one; asking for it is answered 405 and changes nothing.
 */
export function evidenceRoutes(deps: { workflow: Workflow; clock: Clock; evidenceFiles: EvidenceFiles }): Router {
  const db = deps.workflow.db;
  const r = Router();

  r.post('/tasks/:id/evidence', async (req, res) => {
    const actor = actorOf(req);
    const task = await uploadTask(db, req.params.id);
    if (!task) throw notFound('任务不存在');
    const instance = await assertCaseAccess(db, actor, task.instance_id);
    const added = await receiveEvidence(req, res, { db, files: deps.evidenceFiles, clock: deps.clock }, { instance, task, uploadedBy: actor.username, address: actor.address });
    res.status(201).json(added);
  });

  r.get('/instances/:id/evidence', async (req, res) => {
    const instance = await assertCaseAccess(db, actorOf(req), req.params.id);
    res.json((await evidenceOfTheCase(db, instance.root_id)).map(evidenceJson));
  });

  r.get('/evidence/:id/file', async (req, res) => {
    const row = await existing(req.params.id);
    await assertCaseAccess(db, actorOf(req), row.case_id);
    await sendEvidenceFile(res, deps.evidenceFiles, row);
  });

  r.post('/evidence/:id/corrections', async (req, res) => {
    const actor = actorOf(req);
    const old = await existing(req.params.id);
    try {
      await assertCaseAccess(db, actor, old.case_id);
    } catch (err) {
      if (err instanceof ZhifaError && err.status === 403) throw forbidden('您无权更正此证据的说明：它属于其他部门的案件');
      throw err;
    }
    const added = await correctEvidence(db, deps.clock, old, { ...annotationFrom((req.body ?? {}) as Record<string, unknown>), by: actor.username, address: actor.address });
    res.status(201).json(added);
  });

  r.all('/evidence/:id', (req, _res, next) => {
    if (req.method === 'GET' || req.method === 'POST') return next();
    throw new ZhifaError('methodNotAllowed', NOTHING_RECORDED_CHANGES);
  });

  async function existing(idText: string): Promise<Evidence> {
    const row = await evidenceEntry(db, idText);
    if (!row) throw notFound(`证据 ${idText} 不存在`);
    return row;
  }
  return r;
}

export function evidenceJson(e: Evidence) {
  return {
    id: e.id,
    label: evidenceLabel(e),
    kind: e.kind,
    seq: e.seq,
    fileName: e.file_name,
    mediaType: e.media_type,
    size: Number(e.size),
    sha256: e.sha256,
    annotation: { description: e.description, place: e.place, speakers: e.speakers, summary: e.summary },
    corrects: e.corrects,
    taskId: e.task_id,
    elementId: e.element_id,
    uploadedBy: e.uploaded_by,
    uploadedFrom: e.uploaded_from,
    uploadedAt: new Date(Number(e.uploaded_at)).toISOString(),
  };
}
