import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { ApiClient, FIXTURES, startServer, type TestServer } from '../helpers/server.ts';

const twoTasks = fs.readFileSync(path.join(FIXTURES, 'two-tasks.bpmn'), 'utf8');

describe('API: instances and tasks', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer({ label: 'api-instances' });
    const res = await s.api.post('/api/definitions', twoTasks, 'application/xml');
    expect(res.status).to.equal(201);
  });
  after(() => s.close());

  it('starts an instance whose first user task appears in the task list of its group', async () => {
    const start = await s.api.post('/api/instances', { processKey: 'two-tasks', businessKey: 'BK-1', variables: { initiator: 'admin' } });
    expect(start.status).to.equal(201);
    const view = await s.api.get(`/api/instances/${start.body.id}`);
    expect(view.body.status).to.equal('running');
    expect(view.body.businessKey).to.equal('BK-1');
    expect(view.body.tasks).to.have.length(1);
    expect(view.body.tasks[0]).to.include({ elementId: 'review', formKey: null, name: 'Review' });
    expect(view.body.tasks[0].candidateGroups).to.deep.equal(['reviewers']);
    expect(view.body.tasks[0].dueAt).to.equal('2026-03-04T01:00:00.000Z');
    expect(view.body.timers).to.have.length(1);
    expect(view.body.timers[0]).to.include({ elementId: 'reviewLate', dueAt: '2026-03-05T01:00:00.000Z' });
  });

  it('completes tasks through the gateway to the end, with variables kept', async () => {
    await s.zhifa.accounts.create({ username: 'rev', password: 'pw-rev', groups: [{ id: 'reviewers', name: '审核组' }] });
    const rev = await ApiClient.login(s.base, 'rev', 'pw-rev');
    const start = await s.api.post('/api/instances', { processKey: 'two-tasks', variables: { initiator: 'rev' } });
    const mine = await rev.get('/api/tasks');
    const task = mine.body.find((t: { instanceId: string }) => t.instanceId === start.body.id);
    expect(task, 'the review task is offered to the reviewers group').to.exist;
    expect((await rev.post(`/api/tasks/${task.id}/complete`, { variables: { accepted: true } })).status).to.equal(204);
    let view = await rev.get(`/api/instances/${start.body.id}`);
    expect(view.body.tasks.map((t: { elementId: string }) => t.elementId)).to.deep.equal(['approve']);
    expect(view.body.tasks[0].assignee).to.equal('rev');
    expect(view.body.timers, 'the boundary timer is cancelled with its task').to.have.length(0);
    expect((await rev.post(`/api/tasks/${view.body.tasks[0].id}/complete`, { variables: { note: 'ok' } })).status).to.equal(204);
    view = await rev.get(`/api/instances/${start.body.id}`);
    expect(view.body.status).to.equal('completed');
    expect(view.body.variables).to.deep.include({ accepted: true, note: 'ok', initiator: 'rev' });
    expect(view.body.history.map((h: { kind: string }) => h.kind)).to.include.members(['instance.started', 'task.completed', 'process.end']);
  });
});
