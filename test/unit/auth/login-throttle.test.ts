import { expect } from 'chai';
import { Accounts } from '../../../src/auth/accounts.ts';
import { LOGIN_WINDOW_MS, MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_USER } from '../../../src/auth/login-throttle.ts';
import { ManualClock } from '../../../src/clock.ts';
import { ZhifaError } from '../../../src/errors.ts';
import { createDb, migrate, type Db } from '../../../src/store/db.ts';
import { testDatabase, type TestDatabase } from '../../helpers/database.ts';

/**
 * The sign-in rate limit counts guesses sent at once as well as one after the other, per account
 * and address, and never keeps the owner of an account out from an address that has not failed.
 */
describe('Unit: sign-in rate limit', () => {
  let tdb: TestDatabase;
  let db: Db;
  let accounts: Accounts;
  const clock = new ManualClock(new Date('2026-03-02T01:00:00Z'));

  before(async () => {
    tdb = await testDatabase('login-throttle');
    db = createDb(tdb.database, { schema: tdb.schema });
    await migrate(db);
    accounts = new Accounts(db, clock, 3_600_000, 4);
    for (const username of ['clerk', 'chief', 'boss']) await accounts.create({ username, password: 'right-password', roles: ['staff'] });
  });
  after(async () => {
    await db.destroy();
    await tdb.drop();
  });

  const outcome = (p: Promise<unknown>) => p.then(() => 200, (err: { status?: number }) => err.status ?? 500);
  const refusal = (p: Promise<unknown>) => p.then(() => undefined, (err: unknown) => err as ZhifaError);
  const later = (ms: number) => clock.set(new Date(clock.now().getTime() + ms));
  const failures = async () => Number((await db('login_failures').count({ n: '*' }))[0]!.n);

  it(`answers at most ${MAX_FAILURES_PER_USER} of 20 simultaneous wrong passwords for one account from one address; the rest wait (429)`, async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => outcome(accounts.login('clerk', `guess-${i}`, '10.0.0.1'))));
    expect(answers.filter((s) => s === 401), JSON.stringify(answers)).to.have.length.at.most(MAX_FAILURES_PER_USER);
    expect(answers.filter((s) => s === 429)).to.have.length.at.least(20 - MAX_FAILURES_PER_USER);
    const guessed = answers.filter((s) => s === 401).length;
    const more = [];
    for (let i = 0; i < MAX_FAILURES_PER_USER; i++) more.push(await outcome(accounts.login('clerk', `later-${i}`, '10.0.0.1')));
    expect(more.filter((s) => s === 401), 'one after the other, the rest of the allowance and no more').to.have.length(MAX_FAILURES_PER_USER - guessed);
  });

  it('lets the right password in from an address with no failures while the guessing address waits (429 with Retry-After) until the window passes', async () => {
    for (let i = 0; i < MAX_FAILURES_PER_USER; i++) expect(await outcome(accounts.login('chief', `guess-${i}`, '203.0.113.1'))).to.equal(401);
    const atGuesser = await refusal(accounts.login('chief', 'right-password', '203.0.113.1'));
    expect(atGuesser?.status, 'the guessing address waits, even with the right password').to.equal(429);
    expect(atGuesser?.extra?.retryAfter).to.be.within(1, LOGIN_WINDOW_MS / 1000);
    const before = await failures();
    expect(await outcome(accounts.login('chief', 'right-password', '198.51.100.2')), 'the owner, from elsewhere, signs in').to.equal(200);
    expect(await outcome(accounts.login('chief', 'right-password', '203.0.113.1')), "the owner's sign-in does not clear the guesser's count").to.equal(429);
    expect(await failures(), "a refusal and the other address's success leave the guesser's rows as they were").to.equal(before);
    later(LOGIN_WINDOW_MS + 1000);
    expect(await outcome(accounts.login('chief', 'right-password', '203.0.113.1'))).to.equal(200);
  });

  it('an account under attack gives each address one guess instead of five: a second failure from an address waits', async () => {
    for (let i = 0; i < MAX_FAILURES_PER_USER; i++) await outcome(accounts.login('boss', `guess-${i}`, '203.0.113.9'));
    expect(await outcome(accounts.login('boss', 'another-guess', '192.0.2.50')), 'an address with no failure is heard').to.equal(401);
    const second = await refusal(accounts.login('boss', 'right-password', '192.0.2.50'));
    expect(second?.status, 'having failed on an account under attack, it waits').to.equal(429);
    expect(await outcome(accounts.login('boss', 'right-password', '192.0.2.51')), 'the owner from a clean address still signs in').to.equal(200);
  });

  it(`answers at most ${MAX_FAILURES_PER_ADDRESS} of 60 simultaneous guesses from one address across accounts`, async () => {
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => outcome(accounts.login(`user${i}`, 'guess', '192.0.2.7'))));
    expect(answers.filter((s) => s === 401), JSON.stringify(answers)).to.have.length.at.most(MAX_FAILURES_PER_ADDRESS);
  });
});
