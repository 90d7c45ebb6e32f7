import { Router } from 'express';
import { notFound } from '../../../errors.ts';
import { fromJson } from '../../../store/json.ts';
import { OutboxStatus, outboxByStatus, retryOutbox } from '../../../store/outbox.ts';
import type { AdminDeps, AdminPage } from './admin-deps.ts';

/** Notifications that wait or failed, with their last error; a failed one can be sent again. */
export function adminOutbox(deps: AdminDeps, page: AdminPage): Router {
  const r = Router();
  const db = deps.workflow.db;
  r.get('/admin/outbox', async (_req, res) => {
    const rows = await outboxByStatus(db, [OutboxStatus.failed, OutboxStatus.pending, OutboxStatus.sending]);
    const items = rows.map((row) => ({
      id: row.id,
      key: row.idempotency_key,
      channel: row.channel,
      recipient: row.recipient,
      subject: fromJson<{ subject?: string }>(row.payload, {}).subject ?? row.template,
      status: row.status,
      failed: row.status === OutboxStatus.failed,
      attempts: row.attempts,
      lastError: row.last_error,
      nextAttemptAt: new Date(row.next_attempt_at).toISOString(),
      caseId: row.case_id,
    }));
    page(res, 'admin-outbox', { title: '通知发送', section: 'outbox', items, failedCount: items.filter((i) => i.failed).length });
  });
  r.post('/admin/outbox/:id/retry', async (req, res) => {
    const id = Number(req.params.id);
    if (!Number.isInteger(id) || !(await retryOutbox(db, id, deps.clock.now().getTime()))) throw notFound('没有这条发送失败的通知');
    res.redirect(303, '/admin/outbox');
  });
  return r;
}
