import bcrypt from 'bcryptjs';
import { expect } from 'chai';
import { createDb, migrate, type Db } from '../../../src/store/db.ts';
import { migrationSource } from '../../../src/store/migrations/index.ts';
import { testDatabase, type TestDatabase } from '../../helpers/database.ts';

/** Migration 018 finds the accounts of an existing database that still have the built-in "admin" or "demo". */
describe('migration 018: accounts that still have a built-in password must change it', () => {
  let t: TestDatabase;
  let db: Db;
  before(async () => {
    t = await testDatabase('seeded-passwords-migration');
    db = createDb(t.database, { schema: t.schema });
  });
  after(async () => {
    await db.destroy();
    await t.drop();
  });

  it('marks admin with "admin" and a demo user with "demo", ends their sessions, and leaves chosen passwords alone', async () => {
    for (let i = 0; i < 20 && (await db.migrate.currentVersion({ migrationSource })) !== '016'; i++) await db.migrate.up({ migrationSource });
    const user = async (username: string, password: string) => {
      const [row] = await db('users').insert({ username, password_hash: await bcrypt.hash(password, 4), active: true, created_at: 0 }).returning('id');
      const id = typeof row === 'object' ? (row as { id: number }).id : (row as number);
      await db('auth_tokens').insert({ token_hash: `token-of-${username}`, user_id: id, created_at: 0, expires_at: 1e15 });
    };
    await user('admin', 'admin');
    await user('officer1', 'demo');
    await user('officer2', 'chosen-by-officer2');
    await user('clerk', 'demo'); // not a demo account: "demo" is their own choice

    await migrate(db);
    const rows = await db('users').orderBy('username').select('username', 'must_change_password', 'seeded_password');
    expect(rows.map((r) => [r.username, Boolean(r.must_change_password), Boolean(r.seeded_password)])).to.deep.equal([
      ['admin', true, true],
      ['clerk', false, false],
      ['officer1', true, true],
      ['officer2', false, false],
    ]);
    expect(await db('auth_tokens').orderBy('token_hash').pluck('token_hash')).to.deep.equal(['token-of-clerk', 'token-of-officer2']);
  });
});
