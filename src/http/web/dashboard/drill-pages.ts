import { Router, type Request, type Response } from 'express';
import { ZhifaError } from '../../../errors.ts';
import { requireWebRole, userOf } from '../shared/session.ts';
import { caseDrill } from './case-drill.ts';
import type { DashboardDeps } from './dashboard-deps.ts';
import { exportFormatOf, sendExport } from './export.ts';
import { statisticsSheets } from './statistics-export.ts';
import { periodOf, statisticsView } from './statistics-view.ts';

/**
 * GET /dashboard/cases?… — the cases behind a figure of the dashboard or the statistics page
 * (`format=csv|xlsx` downloads the list); GET /dashboard/statistics/export?format=…&from&to — the
 * statistics tables for the annual report.
 */
export function drillPages(deps: DashboardDeps): Router {
  const r = Router();
  const supervisors = requireWebRole('manager', 'admin');
  const query = (req: Request) => req.query as Record<string, unknown>;
  // A bad figure or period is the list page again with what was wrong, status 400.
  const refused = (res: Response, err: unknown) => {
    if (!(err instanceof ZhifaError) || err.status >= 500) throw err;
    res.status(err.status).type('html').send(deps.views.render('dashboard-cases', { ...res.locals, title: '案件清单', error: err.detail }));
  };

  r.get('/dashboard/cases', supervisors, async (req, res) => {
    let view;
    try {
      view = await caseDrill({ db: deps.workflow.db, clock: deps.clock }, userOf(req)!, query(req));
    } catch (err) {
      return refused(res, err);
    }
    const format = exportFormatOf(req.query.format);
    if (format) return sendExport(res, format, `案件清单-${view.heading}`, [view.sheet]);
    const params = new URLSearchParams(Object.entries(query(req)).filter(([k, v]) => k !== 'format' && typeof v === 'string') as Array<[string, string]>).toString();
    res.type('html').send(deps.views.render('dashboard-cases', { ...res.locals, title: `案件清单 · ${view.heading}`, ...view, params }));
  });

  r.get('/dashboard/statistics/export', supervisors, async (req, res) => {
    let days;
    try {
      days = periodOf(query(req), deps.clock.now());
    } catch (err) {
      return refused(res, err);
    }
    const view = await statisticsView({ db: deps.workflow.db, clock: deps.clock }, userOf(req)!, days);
    await sendExport(res, exportFormatOf(req.query.format) ?? 'xlsx', `执法统计-${days.from}至${days.to}`, statisticsSheets(view));
  });
  return r;
}
