import { spawn, type ChildProcess } from 'node:child_process';
import { expect } from 'chai';
import knexFactory from 'knex';
import { testDatabase, onPostgres, type TestDatabase } from '../helpers/database.ts';
import { fixture } from '../helpers/fixtures.ts';
import { ApiClient, ROOT } from '../helpers/server.ts';

interface Worker { proc: ChildProcess; api: ApiClient }

async function startWorker(db: TestDatabase): Promise<Worker> {
  const url = new URL((db.database as { connectionString: string }).connectionString);
  url.searchParams.set('options', `-c search_path=${db.schema}`);
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url.toString(), PORT: '0', ZHIFA_CLOCK: 'manual', NODE_ENV: 'test', ZHIFA_PROCESSES_DIR: 'test/fixtures/none', ZHIFA_SCHEDULER_CRON: '0 0 1 1 *' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on http:\/\/localhost:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    proc.on('exit', (code) => reject(new Error(`worker exited with ${code}: ${out}`)));
  });
  return { proc, api: await ApiClient.login(`http://127.0.0.1:${port}`, 'admin', 'admin') };
}

(onPostgres() ? describe : describe.skip)('Feature: two server processes share one PostgreSQL', function () {
  this.timeout(60_000);
  let db: TestDatabase;
  const workers: Worker[] = [];
  before(async () => {
    db = await testDatabase('two-workers');
    // Started one after the other: the first applies migrations and creates admin.
    workers.push(await startWorker(db));
    workers.push(await startWorker(db));
  });
  after(async () => {
    for (const w of workers) w.proc.kill('SIGTERM');
    await db.drop();
  });

  it('Given 60 due boundary timers, when both processes run the scheduler at once, then each timer fires exactly once', async () => {
    const [a, b] = workers as [Worker, Worker];
    await a.api.post('/api/dev/clock', { set: '2026-03-02T01:00:00Z' });
    await b.api.post('/api/dev/clock', { set: '2026-03-02T01:00:00Z' });
    expect((await a.api.post('/api/definitions', fixture('two-tasks.bpmn'), 'application/xml')).status).to.equal(201);
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) {
      const client = i % 2 ? b.api : a.api;
      ids.push((await client.post('/api/instances', { processKey: 'two-tasks', variables: { initiator: 'admin' } })).body.id);
    }
    const [ra, rb] = await Promise.all([a.api.post('/api/dev/clock', { set: '2026-03-06T00:00:00Z' }), b.api.post('/api/dev/clock', { set: '2026-03-06T00:00:00Z' })]);
    expect(ra.body.failed + rb.body.failed).to.equal(0);
    expect(ra.body.fired + rb.body.fired, `a fired ${ra.body.fired}, b fired ${rb.body.fired}`).to.equal(60);

    const knex = knexFactory({ client: 'pg', connection: (db.database as { connectionString: string }).connectionString, searchPath: [db.schema!] });
    try {
      const fired = await knex('history').where({ kind: 'timer.fired' }).groupBy('instance_id').select('instance_id').count({ n: '*' });
      expect(fired).to.have.length(60);
      expect(fired.every((r) => Number(r.n) === 1)).to.equal(true);
      const jobs: Array<{ status: string; n: string | number }> = await knex('jobs').select('status').count({ n: '*' }).groupBy('status');
      expect(jobs.map((j) => [j.status, Number(j.n)])).to.deep.equal([['done', 60]]);
      const done = await knex('instances').whereIn('id', ids).andWhere({ status: 'completed' }).count({ n: '*' });
      expect(Number(done[0]!.n)).to.equal(60);
    } finally {
      await knex.destroy();
    }
  });
});
