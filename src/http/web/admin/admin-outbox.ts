import { Router } from 'express';
import { notFound } from '../../../errors.ts';
import { retryNotification, undeliveredNotifications } from '../../../notifications/outbox-admin.ts';
import type { AdminDeps, AdminPage } from './admin-deps.ts';

/** Notifications that wait or failed, with their last error; a failed one can be sent again. */
export function adminOutbox(deps: AdminDeps, page: AdminPage): Router {
  const r = Router();
  const db = deps.workflow.db;
  r.get('/admin/outbox', async (_req, res) => {
    const items = (await undeliveredNotifications(db)).map((n) => ({ ...n, nextAttemptAt: new Date(n.nextAttemptAt).toISOString() }));
    page(res, 'admin-outbox', { title: '通知发送', section: 'outbox', items, failedCount: items.filter((i) => i.failed).length });
  });
  r.post('/admin/outbox/:id/retry', async (req, res) => {
    const id = Number(req.params.id);
    if (!Number.isInteger(id) || !(await retryNotification(db, id, deps.clock.now().getTime()))) throw notFound('没有这条发送失败的通知');
    res.redirect(303, '/admin/outbox');
  });
  return r;
}
