import { expect } from 'chai';
import { deploy, openTask, startInstance, view } from '../helpers/fixtures.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

const kinds = (v: { history: Array<{ kind: string }> }, kind: string) => v.history.filter((h) => h.kind === kind);

describe('Feature: statutory deadlines in working days', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer({ label: 'wd-deadlines', clockStart: new Date('2026-09-29T02:00:00Z') });
    await deploy(s, 'working-day-timer.bpmn', 'clock-bound.bpmn');
  });
  after(() => s.close());

  it('Given a P7WD timer armed on 29 Sep 2026, then it fires at the end of 14 Oct (National Day and the adjusted Saturday counted right), not a second earlier', async () => {
    await s.api.post('/api/dev/clock', { set: '2026-09-29T02:00:00Z' });
    const id = await startInstance(s, 'working-day-timer');
    // 30 Sep, then 8, 9, 10 (adjusted Saturday), 12, 13, 14 Oct: the 7th working day ends at 24:00 Shanghai.
    const v = await view(s, id);
    expect(v.timers[0].dueAt).to.equal('2026-10-14T16:00:00.000Z');
    expect((await openTask(s, id, 'publish')).dueAt).to.equal('2026-10-14T16:00:00.000Z');
    expect((await s.api.post('/api/dev/clock', { set: '2026-10-14T15:59:59Z' })).body.fired).to.equal(0);
    expect((await s.api.post('/api/dev/clock', { advance: 'PT1S' })).body.fired).to.equal(1);
    const after = await view(s, id);
    expect(after.status).to.equal('completed');
    expect(after.history.map((h: { elementId: string }) => h.elementId)).to.include('late');
  });

  it('Given a decision clock of P15CD, when it is paused for a hearing, then its timer and due date wait, and move by the paused days on resume', async () => {
    await s.api.post('/api/dev/clock', { set: '2026-03-02T02:00:00Z' });
    const id = await startInstance(s, 'clock-bound');
    let v = await view(s, id);
    expect(v.clocks[0]).to.include({ name: 'decision', status: 'running', dueAt: '2026-03-17T16:00:00.000Z' });
    expect(v.timers[0].dueAt).to.equal('2026-03-17T16:00:00.000Z');
    expect((await openTask(s, id, 'decide')).dueAt).to.equal('2026-03-17T16:00:00.000Z');

    await s.api.post('/api/dev/clock', { set: '2026-03-05T01:00:00Z' });
    const paused = await s.api.post(`/api/instances/${id}/clocks/decision/pause`, { reason: '听证' });
    expect(paused.body).to.include({ status: 'paused', dueAt: null });
    v = await view(s, id);
    expect(v.timers[0].dueAt, 'a paused clock arms nothing').to.equal(null);
    expect((await openTask(s, id, 'decide')).dueAt).to.equal(null);
    expect((await s.api.post('/api/dev/clock', { set: '2026-03-18T00:00:00Z' })).body.fired, 'no firing at the old due time').to.equal(0);

    // Resumed on 18 March (Shanghai): 5–17 March (13 days) are not counted; 17 + 13 = 30 March.
    const resumed = await s.api.post(`/api/instances/${id}/clocks/decision/resume`, { reason: '听证结束' });
    expect(resumed.body).to.include({ status: 'running', dueAt: '2026-03-30T16:00:00.000Z' });
    v = await view(s, id);
    expect(v.timers[0].dueAt).to.equal('2026-03-30T16:00:00.000Z');
    expect((await openTask(s, id, 'decide')).dueAt).to.equal('2026-03-30T16:00:00.000Z');
    const moves = kinds(v, 'deadline.changed').map((h: any) => h.data);
    expect(moves.some((m: any) => m.elementId === 'limitReached' && m.newDue === '2026-03-30T16:00:00.000Z' && /resume/.test(m.why))).to.equal(true);

    expect((await s.api.post('/api/dev/clock', { set: '2026-03-30T15:59:59Z' })).body.fired).to.equal(0);
    expect((await s.api.post('/api/dev/clock', { set: '2026-03-30T16:00:00Z' })).body.fired).to.equal(1);
    v = await view(s, id);
    expect(v.tasks.map((t: { elementId: string }) => t.elementId).sort()).to.deep.equal(['decide', 'overdue']);
    expect(kinds(v, 'timer.fired')).to.have.length(1);
    expect((await s.api.post('/api/dev/clock', { advance: 'P30D' })).body.fired, 'never twice').to.equal(0);
  });

  it('moves the timer later on an approved extension, so it never fires early', async () => {
    await s.api.post('/api/dev/clock', { set: '2026-03-02T02:00:00Z' });
    const id = await startInstance(s, 'clock-bound');
    const extended = await s.api.post(`/api/instances/${id}/clocks/decision/extend`, { period: 'P30CD', reason: '负责人批准延长' });
    // 17 March + 30 days = 16 April.
    expect(extended.body.dueAt).to.equal('2026-04-16T16:00:00.000Z');
    expect((await view(s, id)).timers[0].dueAt).to.equal('2026-04-16T16:00:00.000Z');
    expect((await s.api.post('/api/dev/clock', { set: '2026-03-18T00:00:00Z' })).body.fired).to.equal(0);
    const bad = await s.api.post(`/api/instances/${id}/clocks/decision/extend`, { period: 'P3WD' });
    expect(bad.status).to.equal(400);
    expect(bad.body.detail).to.contain('extension of a CD clock');
    expect((await view(s, id)).clocks[0].events).to.have.length(2);
  });

  it('stops the clock when the decision is made, and the decision leaves no timer behind', async () => {
    await s.api.post('/api/dev/clock', { set: '2026-03-02T02:00:00Z' });
    await s.zhifa.accounts.create({ username: 'off', password: 'pw', groups: [{ id: 'officers', name: '承办' }] });
    const id = await startInstance(s, 'clock-bound');
    const task = await openTask(s, id, 'decide');
    await s.zhifa.workflow.completeTask(task.id, {}, { username: 'off', groups: ['officers'], roles: [] });
    const v = await view(s, id);
    expect(v.status).to.equal('completed');
    expect(v.clocks[0].status).to.equal('stopped');
    expect(v.timers).to.have.length(0);
    expect((await s.api.post(`/api/instances/${id}/clocks/decision/pause`, {})).status, 'a stopped clock does not pause').to.equal(409);
    await s.api.post('/api/dev/clock', { set: '2026-03-10T02:00:00Z' });
    const restarted = await s.api.post(`/api/instances/${id}/clocks/decision/start`, { period: 'P15CD', reason: '重新作出决定' });
    expect(restarted.body, 'a new run counts afresh from its start').to.include({ status: 'running', dueAt: '2026-03-25T16:00:00.000Z' });
  });
});
