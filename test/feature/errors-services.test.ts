import { expect } from 'chai';
import { ServiceRegistry } from '../../src/engine/services.ts';
import { deploy, openTask, startInstance, view } from '../helpers/fixtures.ts';
import { ApiClient, startServer, type TestServer } from '../helpers/server.ts';

describe('Feature: service tasks, error and escalation boundary events', () => {
  let s: TestServer;
  let officer: ApiClient;
  const calls: string[] = [];
  let registryDown = false;
  let registryBroken = false;
  before(async () => {
    const services = new ServiceRegistry().register('computeFine', ({ idempotencyKey, variables }) => {
      calls.push(idempotencyKey);
      if (registryDown) throw Object.assign(new Error('credit registry unreachable'), { code: 'REGISTRY_DOWN' });
      if (registryBroken) throw new Error('credit registry answered garbage');
      return { fine: Number(variables.turnover ?? 0) * 0.01 };
    });
    s = await startServer({ label: 'errors-services', services });
    await deploy(s, 'errors-escalation.bpmn');
    await s.zhifa.accounts.create({ username: 'off', password: 'pw', groups: [{ id: 'officers', name: '承办' }, { id: 'heads', name: '负责人' }] });
    officer = await ApiClient.login(s.base, 'off', 'pw');
  });
  after(() => s.close());

  it('calls a registered service by name, with an idempotency key, and keeps its result as variables', async () => {
    calls.length = 0;
    const id = await startInstance(s, 'errors-escalation', { turnover: 200000 });
    const v = await view(s, id);
    expect(v.variables.fine).to.equal(2000);
    // Called once, keyed by this instance and the service task's execution (computeFine_<id>): a retry after a crash repeats the key.
    expect(calls).to.have.length(1);
    expect(calls[0]).to.match(new RegExp(`^${id}:computeFine_[0-9a-z]+$`));
    expect(v.tasks.map((t: { elementId: string }) => t.elementId)).to.deep.equal(['review']);
  });

  it('routes a service failure with an error code to the error boundary event', async () => {
    registryDown = true;
    try {
      const id = await startInstance(s, 'errors-escalation', {});
      expect((await view(s, id)).tasks.map((t: { elementId: string }) => t.elementId)).to.deep.equal(['manualFine']);
    } finally {
      registryDown = false;
    }
  });

  it('ends a user task with a BPMN error caught by its error boundary event', async () => {
    const id = await startInstance(s, 'errors-escalation', {});
    const review = await openTask(s, id, 'review');
    const res = await officer.post(`/api/tasks/${review.id}/complete`, { error: { code: 'PROBLEMS_FOUND', message: '证据不足' } });
    expect(res.status).to.equal(204);
    const v = await view(s, id);
    expect(v.tasks.map((t: { elementId: string }) => t.elementId)).to.deep.equal(['fix']);
    expect(v.history.find((h: { kind: string }) => h.kind === 'task.error').data.error).to.deep.equal({ code: 'PROBLEMS_FOUND', message: '证据不足' });
  });

  it('catches an escalation thrown inside a sub-process without interrupting it', async () => {
    const id = await startInstance(s, 'errors-escalation', {});
    const review = await openTask(s, id, 'review');
    await officer.post(`/api/tasks/${review.id}/complete`, {});
    const v = await view(s, id);
    expect(v.tasks.map((t: { elementId: string }) => t.elementId).sort()).to.deep.equal(['hWork', 'notifyHead']);
  });

  it('refuses an error the diagram does not catch on the task, naming the ways the task can end, and changes nothing', async () => {
    const id = await startInstance(s, 'errors-escalation', {});
    const before = await view(s, id);
    const review = await openTask(s, id, 'review');
    const res = await officer.post(`/api/tasks/${review.id}/complete`, { error: { code: 'UNCAUGHT' } });
    expect(res.status).to.equal(422);
    expect(res.body.detail).to.match(/没有「UNCAUGHT」这一处理方式：本环节可以：「[^」]+」（PROBLEMS_FOUND）/);
    const after = await view(s, id);
    expect(after.tasks).to.deep.equal(before.tasks);
    expect(after.history).to.deep.equal(before.history);
  });

  it('rolls a command back whole when the engine fails inside it', async () => {
    const before = await s.zhifa.db('instances').count({ n: '*' }).first();
    const historyBefore = await s.zhifa.db('history').count({ n: '*' }).first();
    registryBroken = true;
    try {
      // A service failure without an error code fails the process run: the command must leave no trace.
      const res = await s.api.post('/api/instances', { processKey: 'errors-escalation', variables: {} });
      expect(res.status).to.equal(422);
      expect(res.body.detail).to.match(/could not run/);
    } finally {
      registryBroken = false;
    }
    expect(await s.zhifa.db('instances').count({ n: '*' }).first()).to.deep.equal(before);
    expect(await s.zhifa.db('history').count({ n: '*' }).first()).to.deep.equal(historyBefore);
  });
});
