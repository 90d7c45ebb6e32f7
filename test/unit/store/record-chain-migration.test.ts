import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { EvidenceFiles } from '../../../src/evidence/file-store.ts';
import { verifyCase } from '../../../src/record/verify-case.ts';
import { createDb, type Db } from '../../../src/store/db.ts';
import { migrationSource } from '../../../src/store/migrations/index.ts';
import { testDatabase, type TestDatabase } from '../../helpers/database.ts';

/** Migration 012 chains the record rows written before the record was a chain, case by case, in the order they were written. */
describe('migration 012: the record of existing cases becomes a hash chain', () => {
  let t: TestDatabase;
  let db: Db;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhifa-chain-migration-'));
  before(async () => {
    t = await testDatabase('chain-migration');
    db = createDb(t.database, { schema: t.schema });
  });
  after(async () => {
    await db.destroy();
    await t.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('numbers and hashes the rows of each case (a called process in its caller\'s case), and they verify', async () => {
    // Up to the last migration before the chain (knex reports a version by its number).
    for (let i = 0; i < 20 && (await db.migrate.currentVersion({ migrationSource })) !== '011'; i++) await db.migrate.up({ migrationSource });
    const [def] = await db('definitions').insert({ key: 'p', version: 1, name: 'p', xml: '<x/>', hash: 'h', deployed_at: 0, deployed_by: 'test' }).returning('id');
    const definitionId = typeof def === 'object' ? (def as { id: number }).id : def;
    const instance = (id: string, root: string, parent: string | null) => ({ id, definition_id: definitionId, process_key: 'p', status: 'running', variables: '{}', revision: 1, root_id: root, parent_id: parent, started_at: 0, updated_at: 0 });
    await db('instances').insert([instance('a', 'a', null), instance('a-child', 'a', 'a'), instance('b', 'b', null)]);
    const entry = (instanceId: string, kind: string, at: number) => ({ instance_id: instanceId, at, actor: 'officer1', kind, element_id: null, data: JSON.stringify({ at }) });
    await db('history').insert([entry('a', 'instance.started', 1), entry('b', 'instance.started', 2), entry('a-child', 'instance.started', 3), entry('a', 'task.completed', 4)]);

    await db.migrate.latest({ migrationSource });
    const rows = await db('history').orderBy('id').select('case_id', 'seq', 'prev_hash', 'hash');
    expect(rows.map((r) => [r.case_id, r.seq])).to.deep.equal([['a', 1], ['b', 1], ['a', 2], ['a', 3]]);
    expect(rows[2].prev_hash).to.equal(rows[0].hash);
    const files = new EvidenceFiles(dir, 1e6);
    expect(await verifyCase(db, files, 'a')).to.include({ ok: true, entries: 3 });
    expect(await verifyCase(db, files, 'b')).to.include({ ok: true, entries: 1 });
  });
});
