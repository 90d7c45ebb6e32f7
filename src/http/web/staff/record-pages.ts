import { Router, type Request, type Response } from 'express';
import { evidenceEntry, evidenceLabel } from '../../../evidence/case-evidence.ts';
import { annotationFrom, correctEvidence } from '../../../evidence/evidence-service.ts';
import { forbidden, notFound, ZhifaError } from '../../../errors.ts';
import { writeCaseFile } from '../../../record/case-file.ts';
import { verifyCase } from '../../../record/verify-case.ts';
import { assertCaseAccess } from '../../case-access.ts';
import type { WebDeps } from '../deps.ts';
import { userOf } from '../shared/session.ts';

/**
 * The case record from the case page: correct what was said about an evidence file (a new
 * entry, nothing recorded changes), verify the whole record as `GET /api/cases/:id/record/verify`
 * does, and download the case file (案卷). Only those who may open the case.
 */
export function recordPages(deps: Pick<WebDeps, 'workflow' | 'clock' | 'evidenceFiles' | 'views'>): Router {
  const db = deps.workflow.db;
  const r = Router();
  const page = (res: Response, name: string, ctx: Record<string, unknown>) => res.type('html').send(deps.views.render(name, { ...res.locals, ...ctx }));
  const caseOf = async (req: Request) => assertCaseAccess(db, userOf(req)!, req.params.id as string);

  r.post('/evidence/:id/corrections', async (req, res) => {
    const user = userOf(req)!;
    const old = await evidenceEntry(db, req.params.id);
    if (!old) throw notFound('证据不存在');
    try {
      await assertCaseAccess(db, user, old.case_id);
    } catch (err) {
      if (err instanceof ZhifaError && err.status === 403) throw forbidden('您无权更正此证据的说明：您不能查看它所属的案件');
      throw err;
    }
    const added = await correctEvidence(db, deps.clock, old, { ...annotationFrom((req.body ?? {}) as Record<string, unknown>), by: user.username, address: req.ip });
    res.redirect(303, `/cases/${old.case_id}?recorded=${encodeURIComponent(`${added.label}（更正 ${evidenceLabel(old)} 的说明）`)}#evidence`);
  });

  r.get('/cases/:id/record/verify', async (req, res) => {
    const row = await caseOf(req);
    const result = await verifyCase(db, deps.evidenceFiles, row.root_id);
    page(res, 'case-verify', { title: '核验全过程记录', caseId: row.root_id, result, firstProblem: result.problems[0] ?? null, otherProblems: result.problems.slice(1), checkedAt: deps.clock.now().toISOString() });
  });

  r.get('/cases/:id/export', async (req, res) => {
    const row = await caseOf(req);
    res.type('application/x-tar');
    res.set('Content-Disposition', `attachment; filename="case-${row.root_id}.tar"`);
    await writeCaseFile(db, deps.evidenceFiles, row.root_id, res, { now: deps.clock.now(), by: userOf(req)!.username });
  });
  return r;
}
