import { expect } from 'chai';
import { deploy, startInstance, view } from '../helpers/fixtures.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

describe('Feature: a boundary timer on a user task fires after a restart of the server', () => {
  let first: TestServer;
  let second: TestServer;
  after(async () => {
    await first?.stop();
    await second?.close();
  });

  it('Given a task with a 3-day boundary timer and a server restart, when the clock passes the due time, then the timer fires once', async () => {
    first = await startServer({ label: 'timer-restart', clockStart: new Date('2026-03-02T01:00:00Z') });
    await deploy(first, 'two-tasks.bpmn');
    const id = await startInstance(first, 'two-tasks', { initiator: 'admin' });
    expect((await view(first, id)).timers[0].dueAt).to.equal('2026-03-05T01:00:00.000Z');
    await first.stop();

    second = await startServer({ label: 'timer-restart', db: first.db, clockStart: new Date('2026-03-02T02:00:00Z') });
    const early = await second.api.post('/api/dev/clock', { set: '2026-03-05T00:59:59Z' });
    expect(early.body.fired, 'not a second early').to.equal(0);
    expect((await view(second, id)).status).to.equal('running');

    const due = await second.api.post('/api/dev/clock', { advance: 'PT1S' });
    expect(due.body).to.include({ now: '2026-03-05T01:00:00.000Z', fired: 1 });
    const after = await view(second, id);
    expect(after.status).to.equal('completed');
    expect(after.tasks, 'the interrupted task is gone').to.have.length(0);
    expect(after.history.filter((h: { kind: string }) => h.kind === 'timer.fired')).to.have.length(1);
    expect(after.history.map((h: { elementId: string }) => h.elementId)).to.include('escalated');

    const again = await second.api.post('/api/dev/clock', { advance: 'P10D' });
    expect(again.body.fired, 'a fired timer never fires again').to.equal(0);
  });
});
