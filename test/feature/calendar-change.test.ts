import { expect } from 'chai';
import { deploy, openTask, startInstance, view } from '../helpers/fixtures.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

describe('Feature: loading a year\'s holiday arrangement moves the open deadlines that reach into it', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer({ label: 'calendar-change', clockStart: new Date('2026-12-28T02:00:00Z') });
    await deploy(s, 'working-day-timer.bpmn', 'clock-bound.bpmn');
  });
  after(() => s.close());

  it('Given a P7WD deadline into provisional 2027, when the 2027 arrangement is loaded, then timer and task move and the case records why', async () => {
    const id = await startInstance(s, 'working-day-timer');
    // Provisional 2027: only 1 Jan is off, so 29, 30, 31 Dec, 4, 5, 6, 7 Jan.
    expect((await view(s, id)).timers[0].dueAt).to.equal('2027-01-07T16:00:00.000Z');
    const day = await s.api.get('/api/calendar/days/2027-01-04');
    expect(day.body).to.include({ workday: true, provisional: true });

    // HYPOTHETICAL arrangement (the State Council has not published 2027): 4 January also off.
    const put = await s.api.request<any>('PUT', '/api/calendar/years/2027', { holidays: ['2027-01-01', '2027-01-04'], workdays: [] });
    expect(put.status, JSON.stringify(put.body)).to.equal(200);
    expect(put.body.recomputed, 'the timer and the task due date').to.equal(2);

    const v = await view(s, id);
    expect(v.timers[0].dueAt).to.equal('2027-01-08T16:00:00.000Z');
    expect((await openTask(s, id, 'publish')).dueAt).to.equal('2027-01-08T16:00:00.000Z');
    const moves = v.history.filter((h: { kind: string }) => h.kind === 'deadline.changed').map((h: { data: unknown }) => h.data);
    expect(moves).to.have.length(2);
    for (const m of moves) expect(m).to.include({ oldDue: '2027-01-07T16:00:00.000Z', newDue: '2027-01-08T16:00:00.000Z', why: '2027 年工作日历变更' });

    expect((await s.api.post('/api/dev/clock', { set: '2027-01-07T16:00:00Z' })).body.fired, 'not at the old due time').to.equal(0);
    expect((await s.api.post('/api/dev/clock', { set: '2027-01-08T16:00:00Z' })).body.fired).to.equal(1);
  });

  it('moves nothing when the loaded arrangement does not change a deadline, and says so', async () => {
    await s.api.post('/api/dev/clock', { set: '2026-12-28T02:00:00Z' });
    const id = await startInstance(s, 'working-day-timer');
    const arrangement = { holidays: ['2027-01-01', '2027-01-04', '2027-01-05'], workdays: [] }; // HYPOTHETICAL
    await s.api.request('PUT', '/api/calendar/years/2027', arrangement);
    const before = await view(s, id);
    const put = await s.api.request<any>('PUT', '/api/calendar/years/2027', arrangement);
    expect(put.body.recomputed).to.equal(0);
    const after = await view(s, id);
    expect(after.timers).to.deep.equal(before.timers);
    expect(after.history).to.deep.equal(before.history);
  });

  it('moves a statutory clock, and the timer and due date bound to it, when its last day becomes a rest day', async () => {
    await s.api.post('/api/dev/clock', { set: '2026-12-28T02:00:00Z' });
    const id = await startInstance(s, 'clock-bound');
    // P15CD from 28 Dec 2026 ends on Tuesday 12 Jan 2027.
    expect((await view(s, id)).clocks[0].dueAt).to.equal('2027-01-12T16:00:00.000Z');
    // HYPOTHETICAL: 12 January declared off as well; the last day rolls to the 13th.
    const put = await s.api.request<any>('PUT', '/api/calendar/years/2027', { holidays: ['2027-01-01', '2027-01-04', '2027-01-12'], workdays: [] });
    expect(put.body.recomputed, 'at least the clock, its timer and its task').to.be.at.least(3);
    const v = await view(s, id);
    expect(v.history.filter((h: { kind: string }) => h.kind === 'deadline.changed'), 'the clock, its timer and its task').to.have.length(3);
    expect(v.clocks[0].dueAt).to.equal('2027-01-13T16:00:00.000Z');
    expect(v.timers[0].dueAt).to.equal('2027-01-13T16:00:00.000Z');
    expect((await openTask(s, id, 'decide')).dueAt).to.equal('2027-01-13T16:00:00.000Z');
    const clockMove = v.history.find((h: { kind: string; data: { clock?: string } }) => h.kind === 'deadline.changed' && h.data.clock === 'decision');
    expect(clockMove.data).to.include({ oldDue: '2027-01-12T16:00:00.000Z', newDue: '2027-01-13T16:00:00.000Z', why: '2027 年工作日历变更' });
  });
});
