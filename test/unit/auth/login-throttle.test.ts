import { expect } from 'chai';
import { Accounts } from '../../../src/auth/accounts.ts';
import { MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_USER } from '../../../src/auth/login-throttle.ts';
import { ManualClock } from '../../../src/clock.ts';
import { createDb, migrate, type Db } from '../../../src/store/db.ts';
import { testDatabase, type TestDatabase } from '../../helpers/database.ts';

/** The sign-in rate limit counts guesses sent at once as well as one after the other. */
describe('Unit: sign-in rate limit under concurrent guesses', () => {
  let tdb: TestDatabase;
  let db: Db;
  let accounts: Accounts;

  before(async () => {
    tdb = await testDatabase('login-throttle');
    db = createDb(tdb.database, { schema: tdb.schema });
    await migrate(db);
    accounts = new Accounts(db, new ManualClock(new Date('2026-03-02T01:00:00Z')), 3_600_000, 4);
    await accounts.create({ username: 'clerk', password: 'right-password', roles: ['staff'] });
  });
  after(async () => {
    await db.destroy();
    await tdb.drop();
  });

  const outcome = (p: Promise<unknown>) => p.then(() => 200, (err: { status?: number }) => err.status ?? 500);

  it(`answers at most ${MAX_FAILURES_PER_USER} of 20 simultaneous wrong passwords for one account; the rest wait (429)`, async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => outcome(accounts.login('clerk', `guess-${i}`, `10.0.0.${i}`))));
    expect(answers.filter((s) => s === 401), JSON.stringify(answers)).to.have.length.at.most(MAX_FAILURES_PER_USER);
    expect(answers.filter((s) => s === 429)).to.have.length.at.least(20 - MAX_FAILURES_PER_USER);
    const guessed = answers.filter((s) => s === 401).length;
    const more = [];
    for (let i = 0; i < MAX_FAILURES_PER_USER; i++) more.push(await outcome(accounts.login('clerk', `later-${i}`, '10.0.1.1')));
    expect(more.filter((s) => s === 401), 'one after the other, the rest of the allowance and no more').to.have.length(MAX_FAILURES_PER_USER - guessed);
  });

  it(`answers at most ${MAX_FAILURES_PER_ADDRESS} of 60 simultaneous guesses from one address across accounts`, async () => {
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => outcome(accounts.login(`user${i}`, 'guess', '192.0.2.7'))));
    expect(answers.filter((s) => s === 401), JSON.stringify(answers)).to.have.length.at.most(MAX_FAILURES_PER_ADDRESS);
  });
});
