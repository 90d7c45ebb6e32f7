import path from 'node:path';
import { expect } from 'chai';
import { onPostgres } from '../../helpers/database.ts';
import { startInstance } from '../../helpers/fixtures.ts';
import { ROOT, startServer, type TestServer } from '../../helpers/server.ts';

/** On PostgreSQL the record tables refuse UPDATE and DELETE, whoever is connected (SQLite: the application never issues them). */
describe('Feature: the record tables are append-only on PostgreSQL', () => {
  let s: TestServer;
  before(async function () {
    if (!onPostgres()) this.skip();
    s = await startServer({ label: 'record-guards', processesDir: path.join(ROOT, 'processes') });
  });
  after(async () => {
    await s?.close();
  });

  it('refuses UPDATE and DELETE on history, evidence and documents, and the row is as it was', async () => {
    const db = s.zhifa.db;
    const id = await startInstance(s, 'coercion', { party: '泸溪县某冶炼厂', emergency: false });
    const row = await db('history').where({ case_id: id }).orderBy('seq').first();
    await db('evidence').insert({ case_id: id, instance_id: id, kind: '书证物证', seq: 1, file_name: 'a.pdf', media_type: 'application/pdf', size: 1, sha256: 'a'.repeat(64), description: 'x', uploaded_by: 'admin', uploaded_at: 0 });
    await db('documents').insert({ case_id: id, instance_id: id, kind: 'k', number: null, title: 't', html: '<p>t</p>', created_at: 0, created_by: 'admin' });
    for (const [table, where] of [['history', { id: row.id }], ['evidence', { case_id: id }], ['documents', { case_id: id }]] as const) {
      let err: unknown = null;
      try {
        await db(table).where(where).update({ case_id: id });
      } catch (e) {
        err = e;
      }
      expect(String(err), `UPDATE ${table}`).to.match(new RegExp(`the case record is append-only: UPDATE on ${table} refused`));
      err = null;
      try {
        await db(table).where(where).delete();
      } catch (e) {
        err = e;
      }
      expect(String(err), `DELETE ${table}`).to.match(new RegExp(`the case record is append-only: DELETE on ${table} refused`));
    }
    expect(await db('history').where({ id: row.id }).first()).to.deep.equal(row);
    expect(await db('history').where({ case_id: id }).count({ n: '*' }).first().then((r) => Number(r!.n))).to.be.greaterThan(1);
  });
});
