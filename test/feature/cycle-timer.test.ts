import { expect } from 'chai';
import { deploy, startInstance, view } from '../helpers/fixtures.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

describe('Feature: a repeating (timeCycle) timer', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer({ label: 'cycle-timer', clockStart: new Date('2026-03-02T02:00:00Z') });
    await deploy(s, 'cycle-timer.bpmn');
  });
  after(() => s.close());

  it('Given R3/PT1H on a task, then it fires once an hour, three times, and never early', async () => {
    const id = await startInstance(s, 'cycle-timer');
    const fired = async (set: string) => (await s.api.post('/api/dev/clock', { set })).body.fired;
    expect(await fired('2026-03-02T02:59:59Z')).to.equal(0);
    expect(await fired('2026-03-02T03:00:00Z')).to.equal(1);
    expect(await fired('2026-03-02T03:59:59Z')).to.equal(0);
    expect(await fired('2026-03-02T04:00:00Z')).to.equal(1);
    expect(await fired('2026-03-02T05:00:00Z')).to.equal(1);
    expect(await fired('2026-03-03T05:00:00Z'), 'three repetitions only').to.equal(0);
    const v = await view(s, id);
    expect(v.history.filter((h: { kind: string }) => h.kind === 'timer.fired')).to.have.length(3);
    expect(v.status).to.equal('running');
  });
});
