import { expect } from 'chai';
import knexFactory from 'knex';
import { onPostgres, testDatabase, type TestDatabase } from '../helpers/database.ts';
import { spawnServer, type ServerProcess } from '../helpers/server-process.ts';
import { ApiClient, startProcessServer, type TestServer } from '../helpers/server.ts';

/** A seizure case is numbered when it starts (rules/case-numbers.json: coercion, 强立). */
const seizure = (i: number) => ({ processKey: 'coercion', variables: { party: `第${i}号当事人`, partyType: '法人及非法人组织', emergency: false } });
const seq = (caseNo: string) => Number(/〔2026〕(\d+)号$/.exec(caseNo)?.[1]);

describe('Feature: 立案编号 under concurrency: one sequence per agency, kind and year, never a number twice', function () {
  this.timeout(120_000);
  let s: TestServer;
  before(async () => {
    s = await startProcessServer('case-numbers');
  });
  after(() => s.close());

  it('Given 6 seizure cases started at once, each gets its own number, 1 to 12, and the counter is shared with nothing else', async () => {
    const started = await Promise.all(Array.from({ length: 6 }, (_, i) => s.api.post('/api/instances', seizure(i))));
    expect(started.map((r) => r.status)).to.deep.equal(Array(6).fill(201));
    const numbers: string[] = await s.zhifa.db('instances').whereNotNull('case_no').pluck('case_no');
    expect(numbers.every((n) => n.startsWith('湘西环强立〔2026〕'))).to.equal(true);
    expect(numbers.map(seq).sort((a, b) => a - b)).to.deep.equal(Array.from({ length: 6 }, (_, i) => i + 1));
    const counter = await s.zhifa.db('document_sequences').where({ prefix: '湘西环强立', year: 2026 }).first('last_no');
    expect(counter.last_no).to.equal(6);
  });
});

(onPostgres() ? describe : describe.skip)('Feature: two server processes on one PostgreSQL number cases without a collision', function () {
  this.timeout(120_000);
  let db: TestDatabase;
  const workers: Array<{ server: ServerProcess; api: ApiClient }> = [];
  before(async () => {
    db = await testDatabase('case-numbers-two');
    for (let i = 0; i < 2; i++) {
      // One after the other: the first migrates and deploys; the second finds it done.
      const server = await spawnServer(db, { ZHIFA_CLOCK: 'manual', ZHIFA_ADMIN_PASSWORD: 'admin' });
      workers.push({ server, api: await ApiClient.login(server.base, 'admin', 'admin') });
    }
  });
  after(async () => {
    await Promise.all(workers.map((w) => w.server.stop()));
    await db.drop();
  });

  it('Given 10 seizure cases started at once through both processes, the numbers are 1 to 10, each once', async () => {
    for (const w of workers) await w.api.post('/api/dev/clock', { set: '2026-03-02T01:00:00Z' });
    const started = await Promise.all(Array.from({ length: 10 }, (_, i) => workers[i % 2]!.api.post('/api/instances', seizure(i))));
    expect(started.map((r) => r.status), JSON.stringify(started.find((r) => r.status !== 201)?.body)).to.deep.equal(Array(10).fill(201));
    const knex = knexFactory({ client: 'pg', connection: (db.database as { connectionString: string }).connectionString, searchPath: [db.schema!] });
    try {
      const numbers: string[] = await knex('instances').whereNotNull('case_no').pluck('case_no');
      expect(numbers.map(seq).sort((a, b) => a - b)).to.deep.equal(Array.from({ length: 10 }, (_, i) => i + 1));
    } finally {
      await knex.destroy();
    }
  });
});
