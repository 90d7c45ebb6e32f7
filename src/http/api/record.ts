import { Router } from 'express';
import type { Clock } from '../../clock.ts';
import type { EvidenceFiles } from '../../evidence/file-store.ts';
import { ZhifaError } from '../../errors.ts';
import { writeCaseFile } from '../../record/case-file.ts';
import { verifyCase } from '../../record/verify-case.ts';
import { recordOfCase } from '../../store/history.ts';
import { fromJson } from '../../store/json.ts';
import type { Workflow } from '../../workflow/workflow.ts';
import { actorOf } from '../authenticate.ts';
import { assertCaseAccess } from '../case-access.ts';
import { NOTHING_RECORDED_CHANGES } from './evidence.ts';

/** The case record: read it, verify it, export the case file. A case is its root instance; any instance id of it will do. */
export function recordRoutes(deps: { workflow: Workflow; clock: Clock; evidenceFiles: EvidenceFiles }): Router {
  const db = deps.workflow.db;
  const r = Router();
  const caseOf = async (req: import('express').Request) => (await assertCaseAccess(db, actorOf(req), req.params.id as string)).root_id;

  r.get('/cases/:id/record', async (req, res) => {
    const rows = await recordOfCase(db, await caseOf(req));
    res.json(rows.map((e) => ({ seq: e.seq, instanceId: e.instance_id, at: new Date(Number(e.at)).toISOString(), actor: e.actor, address: e.address, kind: e.kind, elementId: e.element_id, data: fromJson(e.data, null), prevHash: e.prev_hash, hash: e.hash })));
  });

  r.get('/cases/:id/record/verify', async (req, res) => {
    const result = await verifyCase(db, deps.evidenceFiles, await caseOf(req));
    res.json({ ...result, firstProblem: result.problems[0] ?? null });
  });

  r.get('/cases/:id/export', async (req, res) => {
    const caseId = await caseOf(req);
    res.type('application/x-tar');
    res.set('Content-Disposition', `attachment; filename="case-${caseId}.tar"`);
    await writeCaseFile(db, deps.evidenceFiles, caseId, res, { now: deps.clock.now(), by: actorOf(req).username });
  });

  r.all(['/cases/:id/record', '/cases/:id/record/*rest'], (req, _res, next) => {
    if (req.method === 'GET') return next();
    throw new ZhifaError('methodNotAllowed', NOTHING_RECORDED_CHANGES);
  });
  return r;
}
