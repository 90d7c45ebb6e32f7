import { expect } from 'chai';
import { deploy, openTask, startInstance, view } from '../helpers/fixtures.ts';
import { ApiClient, startServer, type TestServer } from '../helpers/server.ts';

describe('Feature: two people complete the same task at once', () => {
  let s: TestServer;
  let a: ApiClient;
  let b: ApiClient;
  before(async () => {
    s = await startServer({ label: 'concurrent' });
    await deploy(s, 'two-tasks.bpmn');
    const reviewers = [{ id: 'reviewers', name: '审核组' }];
    await s.zhifa.accounts.create({ username: 'a', password: 'pw', displayName: '王审核', groups: reviewers });
    await s.zhifa.accounts.create({ username: 'b', password: 'pw', groups: reviewers });
    a = await ApiClient.login(s.base, 'a', 'pw');
    b = await ApiClient.login(s.base, 'b', 'pw');
  });
  after(() => s.close());

  it('Given one open group task, when two members complete it concurrently, then one wins, the other gets 409, and the instance advances once', async () => {
    for (let round = 0; round < 5; round++) {
      const id = await startInstance(s, 'two-tasks', { initiator: 'admin' });
      const task = await openTask(s, id, 'review');
      const [ra, rb] = await Promise.all([
        a.post(`/api/tasks/${task.id}/complete`, { variables: { accepted: true, by: 'a' } }),
        b.post(`/api/tasks/${task.id}/complete`, { variables: { accepted: true, by: 'b' } }),
      ]);
      expect([ra.status, rb.status].sort()).to.deep.equal([204, 409]);
      const loser = ra.status === 409 ? ra : rb;
      expect(loser.body.detail).to.equal('任务「Review」已办结');
      const v = await view(s, id);
      expect(v.history.filter((h: { kind: string }) => h.kind === 'task.completed')).to.have.length(1);
      expect(v.tasks.map((t: { elementId: string }) => t.elementId)).to.deep.equal(['approve']);
      expect(v.variables.by).to.equal(ra.status === 204 ? 'a' : 'b');
    }
  });

  it('refuses a task that is not the caller\'s with 403 and an unknown task with 404', async () => {
    await s.zhifa.accounts.create({ username: 'outsider', password: 'pw' });
    const outsider = await ApiClient.login(s.base, 'outsider', 'pw');
    const id = await startInstance(s, 'two-tasks', { initiator: 'admin' });
    const task = await openTask(s, id, 'review');
    const res = await outsider.post(`/api/tasks/${task.id}/complete`, {});
    expect(res.status).to.equal(403);
    expect(res.body.detail, 'the step by its name, the group by its name, never ids').to.equal('任务「Review」不由您办理：它交由审核组办理');
    const unknown = await outsider.post('/api/tasks/00000000-0000-0000-0000-000000000000/complete', {});
    expect([unknown.status, unknown.body.detail]).to.deep.equal([404, '任务不存在']);
    expect((await view(s, id)).tasks[0].status).to.equal('open');
  });

  it('lets a member claim a group task, after which it is no longer offered to the others', async () => {
    const id = await startInstance(s, 'two-tasks', { initiator: 'admin' });
    const task = await openTask(s, id, 'review');
    const claim = await a.post(`/api/tasks/${task.id}/claim`);
    expect(claim.status).to.equal(200);
    expect(claim.body.assignee).to.equal('a');
    expect((await b.get('/api/tasks')).body.map((t: { id: string }) => t.id)).to.not.include(task.id);
    const refused = await b.post(`/api/tasks/${task.id}/complete`, {});
    expect([refused.status, refused.body.detail], 'the holder by display name, not username').to.deep.equal([403, '任务「Review」不由您办理：它已分配给王审核']);
    const claimedAgain = await b.post(`/api/tasks/${task.id}/claim`);
    expect(claimedAgain.status).to.be.oneOf([403, 409]);
    expect(claimedAgain.body.detail).to.include('王审核').and.not.include(' a');
    expect((await a.post(`/api/tasks/${task.id}/complete`, { variables: { accepted: false } })).status).to.equal(204);
  });
});
