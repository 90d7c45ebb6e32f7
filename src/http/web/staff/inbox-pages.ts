import { Router } from 'express';
import { notFound } from '../../../errors.ts';
import { inboxMessages, markMessageRead } from '../../../notifications/inbox.ts';
import type { WebDeps } from '../deps.ts';
import { userOf } from '../shared/session.ts';

/** The in-app inbox: reminders and escalations sent to the signed-in user, read and unread. */
export function inboxPages(deps: Pick<WebDeps, 'workflow' | 'clock' | 'views'>): Router {
  const r = Router();
  const db = deps.workflow.db;
  r.get('/inbox', async (req, res) => {
    const items = (await inboxMessages(db, userOf(req)!.username)).map((m) => ({ ...m, at: new Date(m.at).toISOString() }));
    res.type('html').send(deps.views.render('inbox', { ...res.locals, title: '站内信', items }));
  });
  r.post('/inbox/:id/read', async (req, res) => {
    const id = Number(req.params.id);
    if (!Number.isInteger(id) || !(await markMessageRead(db, userOf(req)!.username, id, deps.clock.now().getTime()))) throw notFound('没有这条未读消息');
    res.redirect(303, '/inbox');
  });
  return r;
}
