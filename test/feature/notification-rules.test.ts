import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { warningCounts } from '../../src/notifications/warnings.ts';
import { deploy, view } from '../helpers/fixtures.ts';
import { ApiClient, ROOT, startServer, type TestServer } from '../helpers/server.ts';
import { webLogin } from '../helpers/web.ts';

/** The rules around reminders: the daily digest keeps to working days, diagrams override the policy, bad addresses wait visibly, templates are checked at start. */
describe('Feature: notification rules', () => {
  let s: TestServer;
  let officer1: ApiClient;

  before(async () => {
    s = await startServer({ label: 'notification-rules' });
    await deploy(s, 'reminder-override.bpmn', 'clock-bound.bpmn');
    officer1 = await ApiClient.login(s.base, 'officer1', 'demo');
  });
  after(() => s.close());

  const at = (iso: string) => s.clock.set(new Date(iso));
  const digests = () => s.zhifa.db('outbox').where('idempotency_key', 'like', 'digest:%').orderBy('id');

  it('sends the managers a daily digest on working days only: none on a national holiday or a plain Sunday, one on an adjusted working Saturday, once however often the cron fires', async () => {
    at('2026-10-01T00:00:00Z'); // National Day, 08:00 Shanghai
    expect(await s.zhifa.notifications.digest()).to.equal(0);
    at('2026-10-04T00:00:00Z'); // Sunday in the holiday week
    expect(await s.zhifa.notifications.digest()).to.equal(0);
    expect(await digests()).to.have.length(0);
    at('2026-10-10T00:00:00Z'); // Saturday 10 October: an adjusted working day
    expect(await s.zhifa.notifications.digest(), 'manager1, in the inbox (no SMTP or webhook configured)').to.equal(1);
    expect(await s.zhifa.notifications.digest(), 'a second process firing the same minute').to.equal(0);
    const [row] = await digests();
    expect(row).to.include({ recipient: 'manager1', channel: 'inbox', idempotency_key: 'digest:2026-10-10:manager1:inbox' });
    expect(JSON.parse(row.payload).subject).to.match(/^【每日汇总】2026-10-10：逾期 \d+ 项，临近到期 \d+ 项$/);
  });

  it('follows a reminder policy set on the task in the diagram (zhifa:reminders): two working days before, and the department head one after', async () => {
    at('2026-03-02T01:00:00Z'); // Monday; P5WD → due at 24:00 on Monday 9 March
    const started = await officer1.post('/api/instances', { processKey: 'reminder-override', businessKey: 'OVR-1' });
    const id = started.body.id;
    expect((await view(s, id)).tasks[0].dueAt).to.equal('2026-03-09T16:00:00.000Z');
    const keys = async () => (await s.zhifa.db('outbox').where({ case_id: id }).orderBy('id')).map((r: { idempotency_key: string }) => r.idempotency_key.split(':').slice(3, 4).concat(r.idempotency_key.split(':').slice(5, 6)).join('→'));
    at('2026-03-05T15:00:00Z'); // Thursday 23:00: the default (one day before) would not be due, nor this one
    await s.zhifa.notifications.tick();
    expect(await keys()).to.deep.equal([]);
    at('2026-03-05T16:30:00Z'); // Friday 00:30: two working days before Monday's end
    await s.zhifa.notifications.tick();
    expect(await keys()).to.deep.equal(['before2→officer1', 'before2→officer2']);
    at('2026-03-09T16:30:00Z'); // Tuesday 00:30: at the due time the override says nothing
    await s.zhifa.notifications.tick();
    expect(await keys()).to.have.length(2);
    at('2026-03-10T16:30:00Z'); // Wednesday 00:30: one working day after, to the department head
    await s.zhifa.notifications.tick();
    expect((await keys()).slice(2)).to.deep.equal(['after1→manager1']);
  });

  it('refuses to deploy a diagram whose zhifa:reminders cannot be read, naming the task, and stores nothing', async () => {
    const xml = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'reminder-override.bpmn'), 'utf8').replace('id="reminder-override"', 'id="reminder-bad"').replace('-P2WD:assignee; P1WD:departmentHead', '-P2D:assignee');
    const res = await fetch(`${s.base}/api/definitions`, { method: 'POST', headers: { authorization: `Bearer ${s.api.token}`, 'content-type': 'application/xml' }, body: xml });
    expect(res.status).to.equal(422);
    expect((await res.json()).detail).to.include('answer: zhifa:reminders').and.to.include('"-P2D" must be -P<n>WD');
    expect(await s.zhifa.db('definitions').where({ key: 'reminder-bad' })).to.have.length(0);
  });

  it('keeps an e-mail to an address that is not one waiting, with the reason visible, and does not hold the case up', async () => {
    const mailServer = await startServer({ label: 'notification-bad-address', db: undefined, env: { SMTP_URL: 'smtp://127.0.0.1:9' } });
    try {
      await deploy(mailServer, 'clock-bound.bpmn');
      await mailServer.zhifa.accounts.create({ username: 'typo', password: 'pw', email: 'typo-at-example', department: '执法支队', groups: [{ id: 'officers', name: '承办人员' }], roles: ['staff'] });
      const typo = await ApiClient.login(mailServer.base, 'typo', 'pw');
      mailServer.clock.set(new Date('2026-03-02T01:00:00Z'));
      const id = (await typo.post('/api/instances', { processKey: 'clock-bound' })).body.id;
      mailServer.clock.set(new Date('2026-03-16T16:30:00Z'));
      await mailServer.zhifa.notifications.tick();
      const row = await mailServer.zhifa.db('outbox').where({ case_id: id, recipient: 'typo-at-example' }).first();
      expect(row).to.include({ channel: 'email', status: 'pending', attempts: 1, last_error: '"typo-at-example" is not an e-mail address' });
      expect((await mailServer.zhifa.db('inbox').where({ username: 'typo', case_id: id })).length, 'the inbox got it').to.equal(1);
    } finally {
      await mailServer.close();
    }
  });

  it('shows the inbox with unread items in the navigation; marking one read changes only that one', async () => {
    const officer = { username: 'officer1', displayName: '张执法', email: null };
    for (const n of [1, 2]) {
      await s.zhifa.notifications.notifier.notify({ key: `inbox-test:${n}`, template: 'reminder', level: 'near', caseId: null, recipients: [officer], link: '/', context: { case: { label: `INBOX-${n}`, processName: '测试' }, step: { name: '答复' }, daysLeft: 1, dayWord: '个工作日', workingDaysLeft: 1, dueAtMs: Date.parse('2026-03-09T16:00:00Z') } });
    }
    await s.zhifa.notifications.dispatch();
    const web = await webLogin(s.base, 'officer1', 'demo');
    const page = await web.get('/inbox');
    expect(page.status).to.equal(200);
    expect(page.text).to.include('期限提醒');
    const unread = (page.text.match(/class="unread/g) ?? []).length;
    expect(unread).to.be.at.least(2);
    expect(page.text).to.match(new RegExp(`data-testid="inbox-link">站内信 <span class="badge overdue">${unread}</span>`));
    const firstId = /action="\/inbox\/(\d+)\/read"/.exec(page.text)![1];
    expect((await web.post(`/inbox/${firstId}/read`, {})).status).to.equal(303);
    expect(((await web.get('/inbox')).text.match(/class="unread/g) ?? []).length).to.equal(unread - 1);
    const other = await webLogin(s.base, 'officer2', 'demo');
    expect((await other.post(`/inbox/${firstId}/read`, {})).status, "another user's item").to.equal(404);
  });

  it("counts the yellow (within a working day) and red (missed) warnings per department for the dashboard", async () => {
    at('2026-03-02T01:00:00Z');
    await officer1.post('/api/instances', { processKey: 'clock-bound', businessKey: 'WARN-1' }); // due 17 March
    at('2026-03-17T02:00:00Z'); // Tuesday 10:00: due tonight
    const counts = await warningCounts(s.zhifa.db, s.zhifa.calendar, s.clock.now(), { department: '执法支队' });
    const dept = counts.find((c) => c.department === '执法支队')!;
    expect(dept.near, 'the task and its clock, due tonight').to.be.at.least(2);
    at('2026-03-18T02:00:00Z');
    const later = (await warningCounts(s.zhifa.db, s.zhifa.calendar, s.clock.now(), { department: '执法支队' })).find((c) => c.department === '执法支队')!;
    expect(later.missed).to.be.at.least(2);
  });
});

describe('Feature: notification templates are checked at start', () => {
  it('refuses to start with a template that does not compile, naming its file and line', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhifa-templates-'));
    fs.cpSync(path.join(ROOT, 'notifications'), dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'due', 'text.hbs'), '{{recipient.displayName}}：\n\n{{#if case}}\n未闭合的块\n');
    try {
      let error: unknown;
      try {
        const s = await startServer({ label: 'notification-templates', env: { ZHIFA_NOTIFICATIONS_DIR: dir } });
        await s.close();
      } catch (err) {
        error = err;
      }
      expect(String(error)).to.include(path.join(dir, 'due', 'text.hbs')).and.to.match(/line 4|on line/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
