import { expect } from 'chai';
import { deploy, fixture, openTask, startInstance, view } from '../helpers/fixtures.ts';
import { ApiClient, startServer, type TestServer } from '../helpers/server.ts';

describe('Feature: redeploying a process while instances run on the old version', () => {
  let s: TestServer;
  let officer: ApiClient;
  before(async () => {
    s = await startServer({ label: 'redeploy' });
    await s.zhifa.accounts.create({ username: 'off', password: 'pw', groups: [{ id: 'officers', name: '承办' }] });
    officer = await ApiClient.login(s.base, 'off', 'pw');
  });
  after(() => s.close());

  it('Given an instance on v1, when v2 is deployed, then the old instance finishes on v1 and new ones start on v2', async () => {
    await deploy(s, 'versioned-v1.bpmn');
    const old = await startInstance(s, 'versioned');
    const v2 = await s.api.post('/api/definitions', fixture('versioned-v2.bpmn'), 'application/xml');
    expect(v2.status).to.equal(201);
    expect(v2.body).to.include({ key: 'versioned', version: 2 });
    const fresh = await startInstance(s, 'versioned');
    expect((await view(s, old)).version).to.equal(1);
    expect((await view(s, fresh)).version).to.equal(2);

    const first = await openTask(s, old, 'first');
    expect(first.name).to.equal('First (v1)');
    await officer.post(`/api/tasks/${first.id}/complete`, {});
    const second = await openTask(s, old, 'second');
    expect(second.name, 'v1 has a second task that v2 dropped').to.equal('Second (v1)');
    await officer.post(`/api/tasks/${second.id}/complete`, {});
    expect((await view(s, old)).status).to.equal('completed');

    const freshFirst = await openTask(s, fresh, 'first');
    expect(freshFirst.name).to.equal('First (v2)');
    await officer.post(`/api/tasks/${freshFirst.id}/complete`, {});
    expect((await view(s, fresh)).status).to.equal('completed');
  });

  it('does not make a new version of identical content', async () => {
    const again = await s.api.post('/api/definitions', fixture('versioned-v2.bpmn'), 'application/xml');
    expect(again.status).to.equal(200);
    expect(again.body).to.include({ key: 'versioned', version: 2, created: false });
    const list = await s.api.get('/api/definitions');
    expect(list.body.filter((d: { key: string }) => d.key === 'versioned').map((d: { version: number }) => d.version)).to.deep.equal([2, 1]);
  });
});
