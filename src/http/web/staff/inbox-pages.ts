import { Router } from 'express';
import { notFound } from '../../../errors.ts';
import { inboxOf, markInboxRead } from '../../../store/inbox.ts';
import type { WebDeps } from '../deps.ts';
import { userOf } from '../shared/session.ts';

/** The in-app inbox: reminders and escalations sent to the signed-in user, read and unread. */
export function inboxPages(deps: Pick<WebDeps, 'workflow' | 'clock' | 'views'>): Router {
  const r = Router();
  const db = deps.workflow.db;
  r.get('/inbox', async (req, res) => {
    const rows = await inboxOf(db, userOf(req)!.username);
    const items = rows.map((i) => ({ id: i.id, subject: i.subject, body: i.body, link: i.link, level: i.level, unread: i.read_at === null, at: new Date(i.created_at).toISOString() }));
    res.type('html').send(deps.views.render('inbox', { ...res.locals, title: '站内信', items }));
  });
  r.post('/inbox/:id/read', async (req, res) => {
    const id = Number(req.params.id);
    if (!Number.isInteger(id) || !(await markInboxRead(db, userOf(req)!.username, id, deps.clock.now().getTime()))) throw notFound('没有这条未读消息');
    res.redirect(303, '/inbox');
  });
  return r;
}
