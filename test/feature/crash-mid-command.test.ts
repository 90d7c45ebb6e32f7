import { spawn } from 'node:child_process';
import { expect } from 'chai';
import { ServiceRegistry } from '../../src/engine/services.ts';
import { deploy, startInstance, view } from '../helpers/fixtures.ts';
import { ROOT, startServer, type TestServer } from '../helpers/server.ts';

describe('Feature: a worker dies in the middle of firing a timer', () => {
  let s: TestServer;
  let calls = 0;
  before(async () => {
    const services = new ServiceRegistry().register('notifyLate', () => {
      calls++;
      return { notified: true };
    });
    s = await startServer({ label: 'crash', services, clockStart: new Date('2026-03-02T01:00:00Z') });
    await deploy(s, 'timer-service.bpmn');
  });
  after(() => s.close());

  it('Given a worker killed while its firing command runs, when another worker ticks, then the timer fires exactly once', async () => {
    const id = await startInstance(s, 'timer-service');
    const worker = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/hanging-worker.ts'], {
      cwd: ROOT,
      env: { ...process.env, ZHIFA_TEST_WORKER: JSON.stringify({ database: s.db.database, schema: s.db.schema, now: '2026-03-02T03:00:00Z' }) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      worker.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('FIRING') && resolve());
      worker.on('exit', (code) => reject(new Error(`worker exited (${code}) before firing`)));
    });
    const exited = new Promise((resolve) => worker.on('exit', resolve));
    worker.kill('SIGKILL');
    await exited;

    expect((await view(s, id)).status, 'the dead worker changed nothing').to.equal('running');
    const tick = await s.api.post('/api/dev/clock', { set: '2026-03-02T03:00:00Z' });
    expect(tick.body.fired).to.equal(1);
    const v = await view(s, id);
    expect(v.status).to.equal('completed');
    expect(v.variables.notified).to.equal(true);
    expect(v.history.filter((h: { kind: string }) => h.kind === 'timer.fired')).to.have.length(1);
    expect(calls).to.equal(1);
    expect((await s.api.post('/api/dev/clock', { advance: 'P1D' })).body.fired).to.equal(0);
  });
});
