import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { EvidenceFiles } from '../../../src/evidence/file-store.ts';
import { entryHash } from '../../../src/record/canonical.ts';
import { verifyCase } from '../../../src/record/verify-case.ts';
import { createDb, type Db } from '../../../src/store/db.ts';
import { migrationSource } from '../../../src/store/migrations/index.ts';
import { testDatabase, type TestDatabase } from '../../helpers/database.ts';

/** Migration 017 registers on each existing case the entry count and head hash its record holds. */
describe('migration 017: existing cases learn their own record', () => {
  let t: TestDatabase;
  let db: Db;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhifa-anchors-migration-'));
  before(async () => {
    t = await testDatabase('anchors-migration');
    db = createDb(t.database, { schema: t.schema });
  });
  after(async () => {
    await db.destroy();
    await t.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('fills in count and head for each case (not for the processes it called), so a case that already lost its record fails', async () => {
    for (let i = 0; i < 30 && (await db.migrate.currentVersion({ migrationSource })) !== '016'; i++) await db.migrate.up({ migrationSource });
    const [def] = await db('definitions').insert({ key: 'p', version: 1, name: 'p', xml: '<x/>', hash: 'h', deployed_at: 0, deployed_by: 'test' }).returning('id');
    const definitionId = typeof def === 'object' ? (def as { id: number }).id : def;
    const instance = (id: string, root: string, parent: string | null) => ({ id, definition_id: definitionId, process_key: 'p', status: 'running', variables: '{}', revision: 1, root_id: root, parent_id: parent, started_at: 0, updated_at: 0 });
    await db('instances').insert([instance('a', 'a', null), instance('a-child', 'a', 'a'), instance('empty', 'empty', null)]);
    let prev: string | null = null;
    for (const [seq, instanceId] of [[1, 'a'], [2, 'a-child'], [3, 'a']] as const) {
      const e = { caseId: 'a', seq, instanceId, at: seq, actor: 'officer1', address: null, kind: 'k', elementId: null, data: null, prevHash: prev };
      const hash = entryHash(e);
      await db('history').insert({ case_id: 'a', seq, instance_id: instanceId, at: seq, actor: 'officer1', address: null, kind: 'k', element_id: null, data: null, prev_hash: prev, hash });
      prev = hash;
    }

    await db.migrate.latest({ migrationSource });
    const rows = await db('instances').orderBy('id').select('id', 'record_entries', 'record_head', 'record_mac');
    expect(rows).to.deep.equal([
      { id: 'a', record_entries: 3, record_head: prev, record_mac: null },
      { id: 'a-child', record_entries: 0, record_head: null, record_mac: null },
      { id: 'empty', record_entries: 0, record_head: null, record_mac: null },
    ]);
    const files = new EvidenceFiles(dir, 1e6);
    expect(await verifyCase(db, files, 'a')).to.include({ ok: true, entries: 3 });
    expect((await verifyCase(db, files, 'empty')).problems[0]).to.include({ what: 'case', message: '案件的全过程记录为空：案件仍在，但记录没有任何条目' });
  });
});
