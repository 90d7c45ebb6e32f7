import { expect } from 'chai';
import { deploy } from '../helpers/fixtures.ts';
import { ApiClient, startServer, type TestServer } from '../helpers/server.ts';

/** The JSON API keeps to the same rule as the pages: a case is open to its department and to those asked to act in it. */
describe('API: another department cannot read or move a case', () => {
  let s: TestServer;
  let officer1: ApiClient;
  let outsider: ApiClient;
  let id: string;

  before(async () => {
    s = await startServer({ label: 'api-case-access' });
    await deploy(s, 'message-wait.bpmn');
    officer1 = await ApiClient.login(s.base, 'officer1', 'demo');
    await s.zhifa.accounts.create({ username: 'outsider', password: 'pw', department: '其他执法大队', roles: ['staff'] });
    outsider = await ApiClient.login(s.base, 'outsider', 'pw');
    const started = await officer1.post('/api/instances', { processKey: 'message-wait', businessKey: 'SECRET-1' });
    expect(started.status).to.equal(201);
    id = started.body.id;
  });
  after(() => s.close());

  it('answers 403 to the instance, its documents and its publications, and 200 to its own department', async () => {
    for (const path of [`/api/instances/${id}`, `/api/instances/${id}/documents`, `/api/instances/${id}/publications`]) {
      const res = await outsider.get(path);
      expect(res.status, path).to.equal(403);
      expect(JSON.stringify(res.body)).not.to.include('SECRET-1');
      expect((await officer1.get(path)).status, path).to.equal(200);
    }
  });

  it('refuses a message to a case that is not theirs and the case does not move', async () => {
    const before = (await officer1.get(`/api/instances/${id}`)).body;
    const refused = await outsider.post('/api/messages', { name: 'paymentReceived', businessKey: 'SECRET-1', variables: { amount: 1 } });
    expect(refused.status).to.equal(403);
    const after = (await officer1.get(`/api/instances/${id}`)).body;
    expect(after.status).to.equal(before.status);
    expect(after.variables).to.deep.equal(before.variables);
  });
});
