import { Router } from 'express';
import { notFound } from '../../../errors.ts';
import { diagramOf, documentOf } from '../../../workflow/case-reading.ts';
import { assertCaseAccess } from '../../case-access.ts';
import { userOf } from '../shared/session.ts';
import { evidenceList } from './case-evidence-list.ts';
import { caseSight } from './case-sight.ts';
import { caseView } from './case-view.ts';
import { staffPage, type StaffDeps } from './staff-deps.ts';

const VIEWER = ['/assets/bpmn-js/bpmn-navigated-viewer.production.min.js', '/assets/case-diagram.js'];
const VIEWER_CSS = ['/assets/bpmn-js/assets/diagram-js.css', '/assets/bpmn-js/assets/bpmn-js.css', '/assets/bpmn-js/assets/bpmn-font/css/bpmn.css'];

/** The case page, its diagram and its documents. */
export function casePages(deps: StaffDeps): Router {
  const { workflow } = deps;
  const db = workflow.db;
  const r = Router();
  const page = staffPage(deps.views);

  r.get('/cases/:id', async (req, res) => {
    const row = await assertCaseAccess(db, userOf(req)!, req.params.id);
    // A called process (legal review, publication, disagreement) belongs to its case: its tasks,
    // steps and record are shown there, so its own address leads to the case at its section.
    if (row.root_id !== row.id) {
      const query = new URLSearchParams(req.query as Record<string, string>).toString();
      return res.redirect(303, `/cases/${row.root_id}${query ? `?${query}` : ''}#proc-${row.id}`);
    }
    const view = await caseView({ workflow, calendar: deps.calendar, clock: deps.clock }, row);
    const completed = typeof req.query.completed === 'string' ? `已提交「${req.query.completed}」` : typeof req.query.recorded === 'string' ? `已登记「${req.query.recorded}」` : undefined;
    page(res, 'case', { ...view, ...(await caseSight(deps, row.id)), evidence: await evidenceList(db, row.root_id), flash: completed, scripts: VIEWER, styles: VIEWER_CSS });
  });

  r.get('/cases/:id/diagram.bpmn', async (req, res) => {
    const row = await assertCaseAccess(db, userOf(req)!, req.params.id);
    const xml = await diagramOf(db, row);
    if (xml === undefined) throw notFound('流程定义不存在');
    res.type('application/xml').send(xml);
  });

  r.get('/documents/:id', async (req, res) => {
    const doc = await documentOf(db, Number(req.params.id));
    if (!doc) throw notFound('文书不存在');
    await assertCaseAccess(db, userOf(req)!, doc.case_id);
    page(res, 'document', { title: doc.title, html: doc.html, bodyClass: 'document' });
  });
  return r;
}
