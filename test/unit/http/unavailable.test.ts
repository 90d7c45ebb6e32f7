import { expect } from 'chai';
import { isDatabaseUnreachable } from '../../../src/http/unavailable.ts';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

/** Which failures are a database that cannot be reached (503, try again) rather than a fault (500). */
describe('isDatabaseUnreachable', () => {
  it('knows a refused or dropped connection, PostgreSQL shutting down or not accepting, a pool timeout and a busy SQLite', () => {
    for (const err of [
      withCode('ECONNREFUSED'),
      withCode('ECONNRESET'),
      withCode('57P01'),
      withCode('57P03'),
      withCode('08006'),
      withCode('53300'),
      withCode('SQLITE_BUSY'),
      Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), { name: 'KnexTimeoutError' }),
      new Error('select * from "tasks" - Connection terminated unexpectedly'),
      new Error('wrapped', { cause: withCode('ECONNREFUSED') }),
      new AggregateError([withCode('ECONNREFUSED')], 'connect failed'),
    ]) {
      expect(isDatabaseUnreachable(err), String((err as Error).message)).to.equal(true);
    }
  });

  it('leaves every other failure a fault: a constraint, a bad query, a bug', () => {
    for (const err of [withCode('23505', 'duplicate key'), withCode('42P01', 'relation does not exist'), new TypeError('x is undefined'), null, 'text']) {
      expect(isDatabaseUnreachable(err)).to.equal(false);
    }
  });
});
