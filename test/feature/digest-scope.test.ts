import { expect } from 'chai';
import { deploy } from '../helpers/fixtures.ts';
import { ApiClient, startServer, type TestServer } from '../helpers/server.ts';

/** The daily digest keeps to the dashboard's scope: a manager reads their own department, a manager without one reads nothing. */
describe('Feature: the daily digest is scoped to the manager\'s department', () => {
  let s: TestServer;

  before(async () => {
    s = await startServer({ label: 'digest-scope', env: { ZHIFA_BASE_URL: 'https://zhifa.example.gov.cn' } });
    await deploy(s, 'clock-bound.bpmn');
    await s.zhifa.accounts.create({ username: 'floating', password: 'pw', displayName: '无部门经理', email: 'floating@demo.zhifa.local', roles: ['manager'] });
  });
  after(() => s.close());

  it('sends manager1 the overdue case of 执法支队, and a manager without a department no digest of other departments\' cases', async () => {
    s.clock.set(new Date('2026-03-02T01:00:00Z'));
    const officer1 = await ApiClient.login(s.base, 'officer1', 'demo');
    expect((await officer1.post('/api/instances', { processKey: 'clock-bound', businessKey: 'DIGEST-SECRET-1' })).status).to.equal(201);
    s.clock.set(new Date('2026-03-19T00:00:00Z')); // Thursday 08:00 Shanghai: the decision is two days late
    await s.zhifa.notifications.digest();
    const rows = await s.zhifa.db('outbox').where('idempotency_key', 'like', 'digest:%').orderBy('id');
    const to = (user: string) => rows.filter((r: { recipient: string }) => r.recipient === user).map((r: { payload: string }) => JSON.parse(r.payload).text as string);
    expect(to('manager1').join(), 'its own department').to.include('DIGEST-SECRET-1');
    expect(to('floating').join(), 'nothing of a department that is not theirs').not.to.include('DIGEST-SECRET-1');
  });

  it('writes each overdue item with its due time and a link the mail reader can open', async () => {
    const [row] = await s.zhifa.db('outbox').where({ idempotency_key: 'digest:2026-03-19:manager1:inbox' });
    const { text, html } = JSON.parse(row.payload) as { text: string; html: string };
    const line = text.split('\n').find((l) => l.includes('DIGEST-SECRET-1') && l.includes('Decide'))!;
    expect(line).to.match(/期限 2026\/03\/18 00:00：https:\/\/zhifa\.example\.gov\.cn\/cases\/[0-9a-f-]{36}$/);
    expect(text).to.include('监督看板：https://zhifa.example.gov.cn/dashboard');
    expect(html).to.include('href="https://zhifa.example.gov.cn/cases/').and.to.include('期限 2026/03/18 00:00');
  });
});
