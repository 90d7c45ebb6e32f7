import { Router } from 'express';
import { ZhifaError } from '../../../errors.ts';
import { inboxMessages } from '../../../notifications/inbox.ts';
import type { DashboardDeps } from './dashboard-deps.ts';
import { SUPERVISION_FORM } from './dashboard-names.ts';
import { dashboardView } from './dashboard-view.ts';
import { drillPages } from './drill-pages.ts';
import { periodOf, statisticsView } from './statistics-view.ts';
import { requireWebRole, userOf } from '../shared/session.ts';

const NOTICES = 50;

/** GET /dashboard — the managers' view of open cases and deadlines; /dashboard/statistics — figures over a period (managers: their department; administrators: all). */
export function dashboardPages(deps: DashboardDeps): Router {
  const r = Router();
  r.use(drillPages(deps));
  const supervisionForms = deps.forms.keys().filter((k) => SUPERVISION_FORM.test(k));
  r.get('/dashboard', requireWebRole('manager', 'admin'), async (req, res) => {
    const user = userOf(req)!;
    const view = await dashboardView({ db: deps.workflow.db, calendar: deps.calendar, clock: deps.clock, supervisionForms }, user);
    // The escalations and due-time notices sent to this manager (reminders before a limit stay in the inbox).
    const notices = (await inboxMessages(deps.workflow.db, user.username, NOTICES))
      .filter((i) => i.level === 'missed' || i.level === 'due')
      .map((i) => ({ subject: i.subject, link: i.link, level: i.level, unread: i.unread, at: new Date(i.at).toISOString() }));
    res.type('html').send(deps.views.render('dashboard', { ...res.locals, title: '监督看板', ...view, notices }));
  });
  r.get('/dashboard/statistics', requireWebRole('manager', 'admin'), async (req, res) => {
    let days;
    try {
      days = periodOf(req.query, deps.clock.now());
    } catch (err) {
      if (!(err instanceof ZhifaError)) throw err;
      const asked = (v: unknown) => (typeof v === 'string' ? v : '');
      return res.status(400).type('html').send(deps.views.render('statistics', { ...res.locals, title: '执法统计', error: err.detail, from: asked(req.query.from), to: asked(req.query.to) }));
    }
    const view = await statisticsView({ db: deps.workflow.db, clock: deps.clock }, userOf(req)!, days);
    res.type('html').send(deps.views.render('statistics', { ...res.locals, title: '执法统计', ...view }));
  });
  return r;
}
