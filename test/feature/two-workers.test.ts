import { expect } from 'chai';
import knexFactory from 'knex';
import { testDatabase, onPostgres, type TestDatabase } from '../helpers/database.ts';
import { fixture } from '../helpers/fixtures.ts';
import { spawnServer, type ServerProcess } from '../helpers/server-process.ts';
import { ApiClient } from '../helpers/server.ts';

interface Worker { server: ServerProcess; api: ApiClient }

async function startWorker(db: TestDatabase): Promise<Worker> {
  const server = await spawnServer(db, { ZHIFA_CLOCK: 'manual', ZHIFA_PROCESSES_DIR: 'test/fixtures/none', ZHIFA_ADMIN_PASSWORD: 'admin' });
  return { server, api: await ApiClient.login(server.base, 'admin', 'admin') };
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
    await Promise.all(workers.map((w) => w.server.stop()));
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
