import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import knexFactory, { type Knex } from 'knex';
import { grantAppRole } from '../../../src/store/app-role.ts';
import { migrate } from '../../../src/store/db.ts';
import { uploadRecording } from '../../helpers/evidence.ts';
import { onPostgres, testDatabase, type TestDatabase } from '../../helpers/database.ts';
import { completeTask, view } from '../../helpers/fixtures.ts';
import { ApiClient, ROOT, startServer, type TestServer } from '../../helpers/server.ts';
import { seizureReviewPassed } from '../../helpers/coercion-case.ts';

/**
 * The server connects as a PostgreSQL role that owns nothing (DATABASE_URL) while the owner
 * (DATABASE_MIGRATE_URL) migrates and grants it what it needs. Whoever holds the server's
 * connection can add to the record but cannot empty it, nor switch off its guards.
 */
describe('Feature: the server runs as a database role that owns nothing (PostgreSQL)', () => {
  const ownerUrl = process.env.DATABASE_URL ?? '';
  // Roles are cluster-wide and test files run side by side: one role of its own, dropped afterwards.
  const role = `zhifa_app_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  let owner: Knex;
  let tdb: TestDatabase;
  let s: TestServer;
  let caseId: string;
  const evidenceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhifa-app-role-'));

  before(async function () {
    if (!onPostgres()) this.skip();
    this.timeout(60_000);
    owner = knexFactory({ client: 'pg', connection: ownerUrl, pool: { min: 0, max: 1 } });
    await owner.raw(`create role ?? login`, [role]);
    tdb = await testDatabase('app-role');
    const appUrl = new URL(ownerUrl);
    appUrl.username = role;
    s = await startServer({
      label: 'app-role',
      db: { ...tdb, database: { client: 'pg', connectionString: appUrl.toString() } },
      processesDir: path.join(ROOT, 'processes'),
      env: { DATABASE_URL: appUrl.toString(), DATABASE_MIGRATE_URL: ownerUrl, ZHIFA_EVIDENCE_DIR: evidenceDir },
    });
  });
  after(async () => {
    fs.rmSync(evidenceDir, { recursive: true, force: true });
    if (!onPostgres()) return;
    await s?.stop();
    await tdb?.drop();
    await owner.raw('drop owned by ??', [role]);
    await owner.raw('drop role if exists ??', [role]);
    await owner.destroy();
  });

  const attempt = async (sql: string): Promise<string> => {
    try {
      await s.zhifa.db.raw(sql);
      return 'done';
    } catch (err) {
      return (err as Error).message;
    }
  };
  const count = async (table: string) => Number((await s.zhifa.db(table).count({ n: '*' }).first())!.n);

  it('connected as the role, the server works: migrated by the owner, a case started, a recording uploaded, a task completed, the record verified', async () => {
    expect((await s.zhifa.db.raw('select current_user as u')).rows[0].u).to.equal(role);
    const owners = await owner.raw('select distinct tableowner from pg_tables where schemaname = ?', [tdb.schema!]);
    expect(owners.rows.map((r: { tableowner: string }) => r.tableowner), 'the owner made every table').to.not.include(role);
    const officer = await ApiClient.login(s.base, 'officer1', 'demo');
    const head = await ApiClient.login(s.base, 'head1', 'demo');
    const res = await officer.post('/api/instances', { processKey: 'coercion', variables: { party: '某化工有限公司', emergency: false } });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    caseId = res.body.id;
    await seizureReviewPassed(s, caseId);
    await completeTask(s, head, caseId, 'priorApproval', { approved: true, approvalOpinion: '同意实施' });
    expect((await uploadRecording(s, officer, caseId, 'onSite')).label).to.equal('音像记录 No. 1');
    expect((await view(s, caseId)).tasks.map((t: { elementId: string }) => t.elementId)).to.include('onSite');
    const verified = (await s.api.get(`/api/cases/${caseId}/record/verify`)).body;
    expect(verified).to.include({ ok: true, files: 1 });
    expect(verified.entries).to.be.greaterThan(3);
  });

  it('refuses TRUNCATE, DISABLE TRIGGER, session_replication_role, DELETE and UPDATE on the record tables, and nothing changes', async () => {
    const before = { history: await count('history'), evidence: await count('evidence'), documents: await count('documents'), record_checkpoints: await count('record_checkpoints') };
    expect(before.history).to.be.greaterThan(3);
    for (const table of ['history', 'evidence', 'documents', 'record_checkpoints', 'user_changes']) {
      expect(await attempt(`truncate ${table}`), `TRUNCATE ${table}`).to.match(new RegExp(`permission denied for table ${table}`));
      expect(await attempt(`alter table ${table} disable trigger all`), `DISABLE TRIGGER ${table}`).to.match(new RegExp(`must be owner of (table|relation) ${table}`));
      expect(await attempt(`delete from ${table}`), `DELETE ${table}`).to.match(new RegExp(`permission denied for table ${table}`));
      expect(await attempt(`update ${table} set id = id`), `UPDATE ${table}`).to.match(new RegExp(`permission denied for table ${table}`));
    }
    expect(await attempt('set session_replication_role = replica')).to.match(/permission denied to set parameter "session_replication_role"/);
    expect(await attempt('drop table history')).to.match(/must be owner of table history/);
    expect(await attempt('create table x (id int)'), 'nothing of its own either').to.match(/permission denied for schema/);
    expect({ history: await count('history'), evidence: await count('evidence'), documents: await count('documents'), record_checkpoints: await count('record_checkpoints') }).to.deep.equal(before);
    expect((await s.api.get(`/api/cases/${caseId}/record/verify`)).body.ok).to.equal(true);
  });

  it('as the role, `migrate` finds nothing to do (so `zhifa verify` needs no owner), and the owner cannot grant a superuser', async () => {
    await migrate(s.zhifa.db);
    let err: unknown = null;
    try {
      await grantAppRole(owner, 'postgres');
    } catch (e) {
      err = e;
    }
    expect(String(err)).to.include('"postgres" is a superuser');
  });
});
