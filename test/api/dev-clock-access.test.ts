import { expect } from 'chai';
import { deploy, startInstance, view } from '../helpers/fixtures.ts';
import { ApiClient, startServer, type TestServer } from '../helpers/server.ts';

/** The manual clock fires every due timer of the whole server: only an administrator moves it. */
describe('API: moving the manual clock', () => {
  let s: TestServer;
  let id: string;
  before(async () => {
    s = await startServer({ label: 'dev-clock-access', clockStart: new Date('2026-03-02T01:00:00Z') });
    await deploy(s, 'two-tasks.bpmn');
    id = await startInstance(s, 'two-tasks', { initiator: 'admin' }); // its boundary timer falls due after 3 days
  });
  after(() => s.close());

  for (const [who, role] of [['officer1', 'staff'], ['manager1', 'manager']] as const) {
    it(`refuses ${who} (${role}) with 403: the clock stays, no timer fires`, async () => {
      const user = await ApiClient.login(s.base, who, 'demo');
      const before = (await user.get('/api/dev/clock')).body.now;
      for (const body of [{ set: '2026-03-06T00:00:00Z' }, { advance: 'P5D' }]) {
        const res = await user.post('/api/dev/clock', body);
        expect(res.status, JSON.stringify(res.body)).to.equal(403);
        expect(res.contentType).to.include('application/problem+json');
        expect(res.body.detail).to.include('系统管理员');
      }
      expect((await user.get('/api/dev/clock')).body.now, 'anyone signed in may read it').to.equal(before);
      expect(s.clock.now().toISOString()).to.equal('2026-03-02T01:00:00.000Z');
      const v = await view(s, id);
      expect(v.status).to.equal('running');
      expect(v.tasks.map((t: { elementId: string }) => t.elementId)).to.deep.equal(['review']);
    });
  }

  it('lets an administrator move it, and what fell due fires', async () => {
    const res = await s.api.post('/api/dev/clock', { set: '2026-03-06T00:00:00Z' });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body).to.include({ now: '2026-03-06T00:00:00.000Z', fired: 1, failed: 0 });
    expect((await view(s, id)).status).to.equal('completed');
  });
});
