import { expect } from 'chai';
import { deploy } from '../helpers/fixtures.ts';
import { ApiClient, startServer, type TestServer } from '../helpers/server.ts';

/** The statistics API keeps the dashboard's scope: a manager sees their own department's cases only. */
describe('API: supervision statistics by department', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer({ label: 'statistics-scope' });
    await deploy(s, 'clock-bound.bpmn');
    await s.zhifa.accounts.create({ username: 'managerB', password: 'pw', department: '执法二大队', roles: ['manager'] });
    await s.zhifa.accounts.create({ username: 'managerX', password: 'pw', roles: ['manager'] });
    const officer1 = await ApiClient.login(s.base, 'officer1', 'demo');
    expect((await officer1.post('/api/instances', { processKey: 'clock-bound' })).status).to.equal(201);
  });
  after(() => s.close());

  const stats = async (who: ApiClient) => who.get('/api/statistics?from=2026-01-01&to=2026-12-31');

  it("gives manager1 the cases of 执法支队, another department's manager none, and a manager without a department a 403", async () => {
    const own = await stats(await ApiClient.login(s.base, 'manager1', 'demo'));
    expect(own.body).to.include({ department: '执法支队' });
    expect(own.body.cases).to.deep.equal([{ procedure: 'clock-bound', outcome: '办理中', cases: 1 }]);
    const other = await stats(await ApiClient.login(s.base, 'managerB', 'pw'));
    expect(other.body.cases).to.deep.equal([]);
    expect((await stats(await ApiClient.login(s.base, 'managerX', 'pw'))).status).to.equal(403);
    expect((await stats(s.api)).body.cases, 'an administrator sees every department').to.have.length(1);
  });
});
