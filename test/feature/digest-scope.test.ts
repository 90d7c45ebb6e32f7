import { expect } from 'chai';
import { deploy } from '../helpers/fixtures.ts';
import { ApiClient, startServer, type TestServer } from '../helpers/server.ts';

/** The daily digest keeps to the dashboard's scope: a manager reads their own department, a manager without one reads nothing. */
describe('Feature: the daily digest is scoped to the manager\'s department', () => {
  let s: TestServer;
  /** The digest texts each user was sent (one per channel). */
  let digestTo: (user: string) => Array<{ key: string; text: string; html: string }>;

  // One overdue case of 执法支队 and one digest run, shared by every test below (none reads another's outcome).
  before(async () => {
    s = await startServer({ label: 'digest-scope', env: { ZHIFA_BASE_URL: 'https://zhifa.example.gov.cn' } });
    await deploy(s, 'clock-bound.bpmn');
    await s.zhifa.accounts.create({ username: 'floating', password: 'pw', displayName: '无部门经理', email: 'floating@demo.zhifa.local', roles: ['manager'] });
    await s.zhifa.accounts.create({ username: 'manager9', password: 'pw', displayName: '综合科经理', department: '综合科', email: 'manager9@demo.zhifa.local', roles: ['manager'] });
    s.clock.set(new Date('2026-03-02T01:00:00Z'));
    const officer1 = await ApiClient.login(s.base, 'officer1', 'demo');
    expect((await officer1.post('/api/instances', { processKey: 'clock-bound', businessKey: 'DIGEST-SECRET-1' })).status).to.equal(201);
    s.clock.set(new Date('2026-03-19T00:00:00Z')); // Thursday 08:00 Shanghai: the decision is two days late
    await s.zhifa.notifications.digest();
    const rows = await s.zhifa.db('outbox').where('idempotency_key', 'like', 'digest:%').orderBy('id');
    digestTo = (user) => rows.filter((r: { recipient: string }) => r.recipient === user).map((r: { idempotency_key: string; payload: string }) => ({ key: r.idempotency_key, ...JSON.parse(r.payload) }));
  });
  after(() => s.close());

  it('sends manager1 the overdue case of 执法支队; another department\'s manager gets a digest without it, and a manager without a department none', async () => {
    expect(digestTo('manager1').map((d) => d.text).join(), 'its own department').to.include('DIGEST-SECRET-1');
    const other = digestTo('manager9');
    expect(other, 'a digest is sent to the other department').to.not.be.empty;
    expect(other.map((d) => d.text).join(), 'nothing of a department that is not theirs').not.to.include('DIGEST-SECRET-1');
    expect(other.map((d) => d.text).join()).to.include('综合科');
    expect(digestTo('floating'), 'a manager without a department reads nothing, as on the dashboard').to.deep.equal([]);
  });

  it('writes each overdue item with its due time and a link the mail reader can open', () => {
    const inbox = digestTo('manager1').find((d) => d.key === 'digest:2026-03-19:manager1:inbox');
    expect(inbox, 'the inbox digest of manager1').to.not.equal(undefined);
    const line = inbox!.text.split('\n').find((l) => l.includes('DIGEST-SECRET-1') && l.includes('Decide'));
    expect(line).to.match(/期限 2026\/03\/17 24:00：https:\/\/zhifa\.example\.gov\.cn\/cases\/[0-9a-f-]{36}$/);
    expect(inbox!.text).to.include('监督看板：https://zhifa.example.gov.cn/dashboard');
    expect(inbox!.html).to.include('href="https://zhifa.example.gov.cn/cases/').and.to.include('期限 2026/03/17 24:00');
  });
});
