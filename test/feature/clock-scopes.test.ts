import { expect } from 'chai';
import { deploy, openTask, startInstance, view } from '../helpers/fixtures.ts';
import { ApiClient, startServer, type TestServer } from '../helpers/server.ts';

type ClockView = { name: string; instanceId: string; status: string; dueAt: string | null };

describe('Feature: a clock belongs to the process that started it; a name is looked up in the instance, then in its callers', () => {
  let s: TestServer;
  let officer: ApiClient;
  before(async () => {
    s = await startServer({ label: 'clock-scopes', clockStart: new Date('2026-03-02T01:00:00Z') });
    await deploy(s, 'clock-scope-child.bpmn', 'clock-scope-parent.bpmn');
    await s.zhifa.accounts.create({ username: 'off', password: 'pw', groups: [{ id: 'officers', name: '承办' }] });
    officer = await ApiClient.login(s.base, 'off', 'pw');
  });
  after(() => s.close());

  const clocks = async (id: string) => ((await view(s, id)).clocks as ClockView[]).map((c) => ({ name: c.name, instanceId: c.instanceId, status: c.status, dueAt: c.dueAt }));
  const complete = async (id: string, elementId: string) => {
    const task = await openTask(s, id, elementId);
    expect((await officer.post(`/api/tasks/${task.id}/complete`, { variables: {} })).status).to.equal(204);
  };

  it("Given a child without a clock of that name, then it follows its caller's; once it starts its own, that one shadows the caller's for the child only", async () => {
    const parentId = await startInstance(s, 'clock-scope-parent');
    const childId = (await view(s, parentId)).children[0].id;
    // 10 working days from Monday 2 March end with Monday 16 March, 24:00 Shanghai.
    expect(await clocks(parentId)).to.deep.equal([{ name: 'decision', instanceId: parentId, status: 'running', dueAt: '2026-03-16T16:00:00.000Z' }]);
    expect((await openTask(s, parentId, 'parentTask')).dueAt).to.equal('2026-03-16T16:00:00.000Z');
    expect((await openTask(s, childId, 'inherited')).dueAt, "the child sees its caller's clock").to.equal('2026-03-16T16:00:00.000Z');

    // Changed through the child, the name reaches the caller's clock: both due dates follow.
    const extended = await s.api.post(`/api/instances/${childId}/clocks/decision/extend`, { period: 'P2WD', reason: '批准延长' });
    expect(extended.status, JSON.stringify(extended.body)).to.equal(200);
    expect(extended.body).to.include({ instanceId: parentId, dueAt: '2026-03-18T16:00:00.000Z' });
    expect((await openTask(s, parentId, 'parentTask')).dueAt).to.equal('2026-03-18T16:00:00.000Z');
    expect((await openTask(s, childId, 'inherited')).dueAt).to.equal('2026-03-18T16:00:00.000Z');

    await s.api.post('/api/dev/clock', { set: '2026-03-03T01:00:00Z' });
    await complete(childId, 'inherited');
    // The child's own limit: 3 working days from Tuesday 3 March end with Friday 6 March.
    expect((await openTask(s, childId, 'own')).dueAt).to.equal('2026-03-06T16:00:00.000Z');
    expect((await openTask(s, parentId, 'parentTask')).dueAt, "the caller's clock did not move").to.equal('2026-03-18T16:00:00.000Z');
    const both = await clocks(childId);
    expect(both, 'the whole case, each clock with its instance').to.have.deep.members([
      { name: 'decision', instanceId: parentId, status: 'running', dueAt: '2026-03-18T16:00:00.000Z' },
      { name: 'decision', instanceId: childId, status: 'running', dueAt: '2026-03-06T16:00:00.000Z' },
    ]);
    expect(await clocks(parentId)).to.deep.equal(both);

    // Through the child the name now means the child's own clock; through the parent, the parent's.
    const paused = await s.api.post(`/api/instances/${childId}/clocks/decision/pause`, { reason: '检测' });
    expect(paused.body).to.include({ instanceId: childId, status: 'paused', dueAt: null });
    expect((await openTask(s, childId, 'own')).dueAt).to.equal(null);
    expect((await openTask(s, parentId, 'parentTask')).dueAt).to.equal('2026-03-18T16:00:00.000Z');
    const parentPaused = await s.api.post(`/api/instances/${parentId}/clocks/decision/pause`, { reason: '听证' });
    expect(parentPaused.body).to.include({ instanceId: parentId, status: 'paused' });
    expect((await openTask(s, parentId, 'parentTask')).dueAt).to.equal(null);
    expect((await s.api.post(`/api/instances/${parentId}/clocks/decision/resume`, {})).body).to.include({ instanceId: parentId, status: 'running' });
    expect((await s.api.post(`/api/instances/${childId}/clocks/decision/resume`, {})).body).to.include({ instanceId: childId, status: 'running' });

    // The child's stopClock stops its own clock only.
    await complete(childId, 'own');
    expect((await view(s, childId)).status).to.equal('completed');
    const after = await clocks(parentId);
    expect(after.find((c) => c.instanceId === childId)?.status).to.equal('stopped');
    expect(after.find((c) => c.instanceId === parentId)).to.include({ status: 'running', dueAt: '2026-03-18T16:00:00.000Z' });
    expect((await openTask(s, parentId, 'parentTask')).dueAt).to.equal('2026-03-18T16:00:00.000Z');
  });

  it('refuses to change a clock that neither the instance nor any process that called it has, and changes nothing', async () => {
    const parentId = await startInstance(s, 'clock-scope-parent');
    const childId = (await view(s, parentId)).children[0].id;
    const before = await clocks(parentId);
    const res = await s.api.post(`/api/instances/${childId}/clocks/filing/pause`, {});
    expect(res.status).to.equal(404);
    expect(res.body.detail).to.match(/no clock named "filing"/);
    expect(await clocks(parentId)).to.deep.equal(before);
  });
});
