import { expect } from 'chai';
import { isSqliteBusy, isUniqueViolation } from '../../../src/store/definitions.ts';

/** What a deployment that lost a race to another process looks like, so that it reads again instead of stopping the server. */
describe('Unit: a deployment that raced another process', () => {
  it('retries a WAL snapshot that could not be upgraded (SQLITE_BUSY_SNAPSHOT) and a locked database, not other errors', () => {
    expect(isSqliteBusy(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY_SNAPSHOT' }))).to.equal(true);
    expect(isSqliteBusy(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }))).to.equal(true);
    expect(isSqliteBusy(new Error('SQLITE_CONSTRAINT: NOT NULL constraint failed: definitions.xml'))).to.equal(false);
    expect(isSqliteBusy(null)).to.equal(false);
  });

  it('retries a version another process took first (unique key/version), on SQLite and on PostgreSQL', () => {
    expect(isUniqueViolation(Object.assign(new Error('UNIQUE constraint failed: definitions.key, definitions.version'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }))).to.equal(true);
    expect(isUniqueViolation({ code: '23505', message: 'duplicate key value violates unique constraint' })).to.equal(true);
    expect(isUniqueViolation({ code: '23503', message: 'foreign key' })).to.equal(false);
  });
});
