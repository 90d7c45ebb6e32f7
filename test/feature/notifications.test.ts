import { createHmac } from 'node:crypto';
import { expect } from 'chai';
import { claimOutbox } from '../../src/store/outbox.ts';
import { LEASE_MS, MAX_ATTEMPTS } from '../../src/notifications/dispatcher.ts';
import { deploy, view } from '../helpers/fixtures.ts';
import { HookSink, MailSink } from '../helpers/mail-sink.ts';
import { ApiClient, startServer, type TestServer } from '../helpers/server.ts';
import { webLogin } from '../helpers/web.ts';

const SECRET = 'webhook-secret-for-tests';

/**
 * Reminders and escalations through a real SMTP server and a webhook receiver on loopback, with a
 * moved clock. test/fixtures/clock-bound.bpmn: a task "Decide" due with the clock `decision`
 * (P15CD), offered to `officers`; officer1 (执法支队, whose head is manager1, under 局领导: head1) starts it.
 */
describe('Feature: reminders and escalations by inbox, e-mail and webhook, exactly once', () => {
  let s: TestServer;
  let officer1: ApiClient;
  const mail = new MailSink();
  const hooks = new HookSink();
  let seq = 0;

  before(async () => {
    await Promise.all([mail.start(), hooks.start()]);
    s = await startServer({ label: 'notifications', env: { SMTP_URL: mail.url(), ZHIFA_WEBHOOK_URL: hooks.url(), ZHIFA_WEBHOOK_SECRET: SECRET, ZHIFA_BASE_URL: 'https://zhifa.example.gov.cn' } });
    await deploy(s, 'clock-bound.bpmn');
    officer1 = await ApiClient.login(s.base, 'officer1', 'demo');
  });
  after(async () => {
    await s.close();
    await Promise.all([mail.stop(), hooks.stop()]);
  });

  const at = (iso: string) => s.clock.set(new Date(iso));
  const tick = () => s.zhifa.notifications.tick();
  const start = async () => {
    const res = await officer1.post('/api/instances', { processKey: 'clock-bound', businessKey: `NTF-${++seq}` });
    expect(res.status).to.equal(201);
    return res.body.id as string;
  };
  const inbox = (user: string) => s.zhifa.db('inbox').where({ username: user }).orderBy('id');
  const mailsTo = (address: string, from = 0) => mail.received.slice(from).filter((m) => m.to.includes(address));
  const outbox = (caseId: string) => s.zhifa.db('outbox').where({ case_id: caseId }).orderBy('id');

  it('reminds the group one working day before the due time, the assignee and the department head at it, and the head above one working day after; each once, on every channel', async () => {
    at('2026-03-02T01:00:00Z'); // Monday 09:00 Shanghai; the decision is due at 24:00 on Tuesday 17 March
    const id = await start();
    expect((await view(s, id)).tasks[0].dueAt).to.equal('2026-03-17T16:00:00.000Z');
    const mailsBefore = mail.received.length;

    at('2026-03-16T15:00:00Z'); // Monday 23:00: not yet one working day before
    await tick();
    expect(await outbox(id)).to.have.length(0);

    at('2026-03-16T16:30:00Z'); // Tuesday 00:30
    expect((await tick()).queued, 'officer1 and officer2 (officers), on three channels').to.equal(6);
    await tick();
    const reminders = mailsTo('officer1@demo.zhifa.local', mailsBefore);
    expect(reminders.map((m) => m.subject)).to.deep.equal(['【期限提醒】Decide将于2026/03/17 24:00到期（NTF-1）']);
    expect(reminders[0]!.raw.replace(/=\r\n/g, '')).to.include('https://zhifa.example.gov.cn/tasks/');
    const [item] = await inbox('officer2');
    expect(item).to.include({ level: 'near', case_id: id });
    expect(item.subject).to.include('期限提醒');
    const hook = hooks.received.find((h) => h.json.recipient === 'officer1')!;
    expect(hook.signature, 'signed with HMAC-SHA256 over the body').to.equal(`sha256=${createHmac('sha256', SECRET).update(hook.body).digest('hex')}`);
    expect(hook.json).to.include({ template: 'reminder', level: 'near', caseId: id });
    expect(hook.idempotencyKey).to.match(/^reminder:task:.*:officer1:webhook$/);

    at('2026-03-17T16:30:00Z'); // Wednesday 00:30: past the limit
    await tick();
    expect(mailsTo('manager1@demo.zhifa.local', mailsBefore).map((m) => m.subject)).to.deep.equal(['【今日到期】Decide（NTF-1）']);
    expect(mailsTo('head1@demo.zhifa.local', mailsBefore), 'not yet the head above').to.have.length(0);

    at('2026-03-18T16:30:00Z'); // Thursday 00:30: one working day after
    await tick();
    await tick();
    const escalations = mailsTo('head1@demo.zhifa.local', mailsBefore);
    expect(escalations.map((m) => m.subject), 'the decision clock counts calendar days').to.deep.equal(['【逾期督办】Decide已逾期1日（NTF-1）']);
    expect(mailsTo('officer1@demo.zhifa.local', mailsBefore).map((m) => m.subject.slice(0, 6)), 'nothing twice').to.deep.equal(['【期限提醒】', '【今日到期】']);
    const rows = await outbox(id);
    expect(rows.every((r: { status: string }) => r.status === 'sent')).to.equal(true);
    expect(new Set(rows.map((r: { idempotency_key: string }) => r.idempotency_key)).size).to.equal(rows.length);
  });

  it('counts a calendar-day clock in days: the filing clock (P15CD) reminds 「剩余 2 日」 over a weekend, not 「1 个工作日」', async () => {
    await deploy(s, 'filing-clock.bpmn');
    at('2026-03-08T01:00:00Z'); // Sunday 09:00: the filing review ends at 24:00 on Monday 23 March
    const started = await officer1.post('/api/instances', { processKey: 'filing-clock', businessKey: 'NTF-FILING' });
    expect(started.status).to.equal(201);
    const id = started.body.id as string;
    expect((await view(s, id)).clocks.find((c: { name: string }) => c.name === 'filing')?.dueAt).to.equal('2026-03-23T16:00:00.000Z');
    at('2026-03-20T16:30:00Z'); // Saturday 00:30: one working day before, two calendar days left
    await tick();
    const reminder = (await inbox('officer1')).find((i: { case_id: string }) => i.case_id === id);
    expect(reminder.subject).to.equal('【期限提醒】法定期限 立案审查期限将于2026/03/23 24:00到期（NTF-FILING）');
    expect(reminder.body).to.include('剩余 2 日。').and.not.include('工作日');
    at('2026-03-24T16:30:00Z'); // Wednesday 00:30: one working day after the limit
    await tick();
    const [escalation] = (await outbox(id)).filter((r: { template: string }) => r.template === 'escalation').map((r: { payload: string }) => JSON.parse(r.payload));
    expect(escalation.subject).to.equal('【逾期督办】法定期限 立案审查期限已逾期1日（NTF-FILING）');
  });

  it('moves the reminder with a clock extension: nothing against the old due time, one against the new', async () => {
    at('2026-03-02T01:00:00Z');
    const id = await start();
    at('2026-03-10T02:00:00Z');
    const extended = await s.api.post(`/api/instances/${id}/clocks/decision/extend`, { period: 'P15CD', reason: '案情复杂，经负责人批准延长' });
    expect(extended.body.dueAt).to.equal('2026-04-01T16:00:00.000Z');
    at('2026-03-16T16:30:00Z'); // when the old due time would have reminded
    await tick();
    expect(await outbox(id)).to.have.length(0);
    at('2026-03-31T16:30:00Z'); // one working day before the new due time
    await tick();
    const [row] = await outbox(id);
    expect(row.idempotency_key).to.include(`:before:${Date.parse('2026-04-01T16:00:00.000Z')}:`);
    expect(JSON.parse(row.payload).subject).to.include('2026/04/01 24:00');
  });

  it('keeps an e-mail waiting while the SMTP server is down — the case goes on, the failure is visible — and delivers it when the server is back', async () => {
    at('2026-03-02T01:00:00Z');
    const id = await start();
    await mail.stop();
    at('2026-03-16T16:30:00Z');
    await tick();
    const waiting = (await outbox(id)).filter((r: { channel: string }) => r.channel === 'email');
    expect(waiting).to.have.length(2);
    for (const r of waiting) expect(r).to.include({ status: 'pending', attempts: 1 });
    expect(waiting[0].last_error).to.match(/ECONNREFUSED|connect/i);
    expect((await inbox('officer1')).some((i: { case_id: string }) => i.case_id === id), 'the inbox does not wait for mail').to.equal(true);
    const task = (await view(s, id)).tasks[0];
    expect((await officer1.post(`/api/tasks/${task.id}/claim`, {})).status, 'the case is not held up').to.equal(200);

    await mail.start(); // same port
    const before = mail.received.length;
    await tick();
    expect(mail.received.length, 'not before its retry time').to.equal(before);
    s.clock.advance(31_000);
    await tick();
    expect(mailsTo('officer1@demo.zhifa.local', before)).to.have.length(1);
    expect((await outbox(id)).filter((r: { channel: string; status: string }) => r.channel === 'email' && r.status === 'sent')).to.have.length(2);
  });

  it('retries a webhook answering 500 with backoff, shows the error meanwhile, and delivers it once the platform answers', async () => {
    at('2026-03-02T01:00:00Z');
    const id = await start();
    hooks.failWith = 500;
    at('2026-03-16T16:30:00Z');
    await tick();
    let hooksOut = (await outbox(id)).filter((r: { channel: string }) => r.channel === 'webhook');
    expect(hooksOut.map((r: { status: string; last_error: string }) => [r.status, r.last_error])).to.deep.equal([['pending', 'webhook answered 500'], ['pending', 'webhook answered 500']]);
    hooks.failWith = null;
    s.clock.advance(31_000);
    await tick();
    hooksOut = (await outbox(id)).filter((r: { channel: string }) => r.channel === 'webhook');
    expect(hooksOut.map((r: { status: string }) => r.status)).to.deep.equal(['sent', 'sent']);
  });

  it('after a worker dies between sending and acknowledging, the inbox keeps one item, and the mail and the webhook sent again carry the same Message-ID and idempotency key', async () => {
    at('2026-03-02T01:00:00Z');
    const id = await start();
    at('2026-03-16T16:30:00Z');
    const n = s.zhifa.notifications;
    expect(await n.queueReminders()).to.equal(6);
    const mailBefore = mail.received.length;
    const hooksBefore = hooks.received.length;

    // The dying worker: claims every row and sends it, and dies before acknowledging any.
    for (let row = await claimOutbox(s.zhifa.db, s.clock.now().getTime(), LEASE_MS); row; row = await claimOutbox(s.zhifa.db, s.clock.now().getTime(), LEASE_MS)) {
      await n.channel(row.channel)!.deliver(row, JSON.parse(row.payload));
    }
    expect((await outbox(id)).every((r: { status: string }) => r.status === 'sending')).to.equal(true);
    expect((await n.dispatch()).sent, 'a live worker does not take a send whose lease runs').to.equal(0);

    s.clock.advance(LEASE_MS + 1);
    expect((await n.dispatch()).sent).to.equal(6);
    expect((await outbox(id)).every((r: { status: string; attempts: number }) => r.status === 'sent' && r.attempts === 2)).to.equal(true);
    expect((await inbox('officer1')).filter((i: { case_id: string }) => i.case_id === id), 'the inbox holds it once').to.have.length(1);
    const mails = mail.received.slice(mailBefore).filter((m) => m.to.includes('officer1@demo.zhifa.local'));
    expect(mails, 'SMTP cannot take a message back: it went twice').to.have.length(2);
    expect(mails[0]!.messageId, 'with one Message-ID, so the mailbox keeps one').to.equal(mails[1]!.messageId);
    const posted = hooks.received.slice(hooksBefore).filter((h) => h.json.recipient === 'officer1');
    expect(posted.map((h) => h.idempotencyKey)).to.have.length(2).and.satisfy((keys: string[]) => keys[0] === keys[1]);
    expect(await n.dispatch()).to.deep.equal({ sent: 0, failed: 0 });
  });

  it('keeps a notification that fails every attempt visible as failed, and an administrator can send it again', async () => {
    at('2026-03-02T01:00:00Z');
    const id = await start();
    hooks.failWith = 503;
    at('2026-03-16T16:30:00Z');
    await tick();
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      s.clock.advance(3_600_000);
      await s.zhifa.notifications.dispatch();
    }
    const failed = (await outbox(id)).filter((r: { channel: string }) => r.channel === 'webhook');
    expect(failed.map((r: { status: string; attempts: number }) => [r.status, r.attempts])).to.deep.equal([['failed', MAX_ATTEMPTS], ['failed', MAX_ATTEMPTS]]);
    hooks.failWith = null;
    const admin = await webLogin(s.base, 'admin', 'admin');
    const page = await admin.get('/admin/outbox');
    expect(page.text).to.include('webhook answered 503').and.to.include(failed[0].idempotency_key);
    const retried = await admin.post(`/admin/outbox/${failed[0].id}/retry`, {});
    expect(retried.status).to.equal(303);
    await s.zhifa.notifications.dispatch();
    expect((await s.zhifa.db('outbox').where({ id: failed[0].id }).first()).status).to.equal('sent');
    const staff = await webLogin(s.base, 'officer1', 'demo');
    expect((await staff.post(`/admin/outbox/${failed[1].id}/retry`, {})).status).to.equal(403);
  });
});
