import { expect } from 'chai';
import knexFactory, { type Knex } from 'knex';
import { onPostgres, testDatabase, type TestDatabase } from '../helpers/database.ts';
import { spawnServer, type ServerProcess } from '../helpers/server-process.ts';
import { ApiClient } from '../helpers/server.ts';

// The race lost 3 of 4 first starts on PostgreSQL and 2 of 3 on SQLite before the fix.
const ROUNDS = onPostgres() ? 4 : 3;
const PASSWORD = 'fleet-start-password';

function connect(db: TestDatabase): Knex {
  return db.database.client === 'pg'
    ? knexFactory({ client: 'pg', connection: db.database.connectionString, searchPath: [db.schema!], pool: { min: 0, max: 1 } })
    : knexFactory({ client: 'better-sqlite3', connection: { filename: db.database.filename }, useNullAsDefault: true });
}

/**
 * An operator starts the whole fleet at once on an empty database (no `zhifa migrate` first):
 * migrations, the admin account, the demo agency and processes/ must each happen once, and every
 * process must come up. Each round is a fresh database, since the race is in the first start.
 */
describe(`Feature: two server processes started at the same moment on a fresh ${onPostgres() ? 'PostgreSQL schema' : 'SQLite file'}`, function () {
  this.timeout(240_000);

  for (let round = 1; round <= ROUNDS; round++) {
    it(`round ${round}: both come up healthy, with one admin, one demo agency and one version of each process`, async () => {
      const db = await testDatabase(`two-start-${round}`);
      const started: ServerProcess[] = [];
      try {
        const results = await Promise.allSettled([0, 1].map(() => spawnServer(db, { ZHIFA_ADMIN_PASSWORD: PASSWORD })));
        for (const r of results) if (r.status === 'fulfilled') started.push(r.value);
        const failures = results.flatMap((r) => (r.status === "rejected" ? [String(r.reason).slice(0, 1500)] : []));
        expect(failures, failures.join('\n---\n')).to.deep.equal([]);

        for (const s of started) {
          const health = await new ApiClient(s.base).get('/api/health');
          expect(health.status, s.output()).to.equal(200);
          await ApiClient.login(s.base, 'admin', PASSWORD);
        }
        const knex = connect(db);
        try {
          expect((await knex('users').where({ username: 'admin' }).select('id')).length).to.equal(1);
          const users = await knex('users').orderBy('username').pluck('username');
          expect(users).to.deep.equal(['admin', 'head1', 'head2', 'head3', 'legal1', 'manager1', 'officer1', 'officer2', 'reviewer1']);
          const roles = await knex('user_roles').join('users', 'users.id', 'user_roles.user_id').where({ username: 'admin' }).orderBy('role').pluck('role');
          expect(roles).to.deep.equal(['admin', 'process-admin']);
          const versions: Array<{ key: string; n: number | string }> = await knex('definitions').groupBy('key').select('key').count({ n: '*' });
          expect(versions.length).to.be.greaterThan(0);
          expect(versions.filter((v) => Number(v.n) !== 1), 'each process of processes/ deployed once').to.deep.equal([]);
        } finally {
          await knex.destroy();
        }
      } finally {
        await Promise.all(started.map((s) => s.stop()));
        await db.drop();
      }
    });
  }
});
