import { Router } from 'express';
import { evidenceEntry, uploadTask } from '../../../evidence/case-evidence.ts';
import { notFound, ZhifaError } from '../../../errors.ts';
import { receiveEvidence, sendEvidenceFile, type FormSeen } from '../../evidence-upload.ts';
import { assertCaseAccess } from '../../case-access.ts';
import type { WebDeps } from '../deps.ts';
import { bodyOfPairs } from '../shared/form-pairs.ts';
import { userOf } from '../shared/session.ts';
import { keepTaskForm } from './draft-pages.ts';

/**
 * Evidence uploaded from a task page (multipart, streamed to disk while it is hashed, never held
 * in memory) and downloaded from the case. The CSRF token comes in the query: checkCsrf reads
 * it before the body is parsed. Without JavaScript the task form itself posts the file
 * (`?keep=1`, its upload fields prefixed `_evidence_`): what is typed in the form is kept as the
 * draft whether or not the file is accepted, and the task page restores it.
 */
export function evidencePages(deps: Pick<WebDeps, 'workflow' | 'clock' | 'evidenceFiles' | 'forms'>): Router {
  const db = deps.workflow.db;
  const r = Router();

  r.post('/tasks/:id/evidence', async (req, res) => {
    const user = userOf(req)!;
    // The task page's script uploads with fetch and asks for JSON: the page (and what is typed in it) stays.
    const wantsJson = (req.get('accept') ?? '').includes('application/json');
    const task = await uploadTask(db, req.params.id);
    if (!task) throw notFound('任务不存在');
    const instance = await assertCaseAccess(db, user, task.instance_id);
    const form: (FormSeen & { prefix: string }) | undefined = req.query.keep === '1' ? { prefix: '_evidence_', pairs: [], maxFields: 2000 } : undefined;
    let outcome: string;
    try {
      // As over the API (receiveEvidence): evidence is linked to a step still being done.
      const added = await receiveEvidence(req, res, { db, files: deps.evidenceFiles, clock: deps.clock }, { instance, task, uploadedBy: user.username, address: req.ip }, form);
      if (wantsJson) {
        const row = await evidenceEntry(db, added.id);
        return res.status(201).json({ id: added.id, label: added.label, fileName: row?.file_name, description: row?.description });
      }
      outcome = `evidence=${encodeURIComponent(added.label)}`;
    } catch (err) {
      if (!(err instanceof ZhifaError && err.status < 500)) throw err;
      if (wantsJson) return res.status(err.status).json({ error: err.detail });
      outcome = `evidenceError=${encodeURIComponent(err.detail)}`;
    }
    // The form's typed values become the draft whether the file was accepted or refused: nothing typed is lost.
    // (A body refused before any field was read keeps the draft there was.)
    const keep = !!form?.pairs.length;
    if (keep) await keepTaskForm(deps, task, user, bodyOfPairs(form.pairs));
    res.redirect(303, `/tasks/${task.id}?${outcome}${keep ? '&draft=saved' : ''}`);
  });

  r.get('/evidence/:id', async (req, res) => {
    const row = await evidenceEntry(db, req.params.id);
    if (!row) throw notFound('证据不存在');
    await assertCaseAccess(db, userOf(req)!, row.case_id);
    await sendEvidenceFile(res, deps.evidenceFiles, row);
  });
  return r;
}
