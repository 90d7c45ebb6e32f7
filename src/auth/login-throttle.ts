import type { Clock } from '../clock.ts';
import { ZhifaError } from '../errors.ts';
import type { Db } from '../store/db.ts';
import { clearLoginFailures, countLoginFailures, deleteLoginFailure, recordLoginFailure } from '../store/login-failures.ts';

export const LOGIN_WINDOW_MS = 15 * 60_000;
/** Per account: a clerk who mistypes a few times is not locked out; a guesser is slowed to a crawl. */
export const MAX_FAILURES_PER_USER = 5;
/** Per address: one office may share an address, so it gets more room than one account. */
export const MAX_FAILURES_PER_ADDRESS = 30;

/** Sign-in rate limit kept in the database, so every server process enforces the same count. */
export class LoginThrottle {
  constructor(private readonly db: Db, private readonly clock: Clock) {}

  /**
   * Counts this attempt as a failure before its password is checked, then checks the limit with it
   * included: guesses sent at once each see the others' rows, so no more than the limit get
   * through (checking first and recording after would let every simultaneous guess pass the check).
   * An attempt over the limit takes its row back, so waiting out the window is enough.
   */
  async attempt(username: string, address: string): Promise<void> {
    const at = this.clock.now().getTime();
    const row = { username: username.slice(0, 100), address: address.slice(0, 64), at };
    const id = await recordLoginFailure(this.db, row);
    const since = at - LOGIN_WINDOW_MS;
    const [byUser, byAddress] = await Promise.all([countLoginFailures(this.db, { username: row.username }, since), countLoginFailures(this.db, { address: row.address }, since)]);
    if (byUser > MAX_FAILURES_PER_USER || byAddress > MAX_FAILURES_PER_ADDRESS) {
      await deleteLoginFailure(this.db, id);
      throw new ZhifaError('tooManyRequests', `登录失败次数过多，请 ${LOGIN_WINDOW_MS / 60_000} 分钟后再试`);
    }
  }

  /** A successful sign-in forgets the account's failures (this attempt's row too); old rows of everyone go too. */
  async succeeded(username: string): Promise<void> {
    await clearLoginFailures(this.db, username, this.clock.now().getTime() - LOGIN_WINDOW_MS);
  }
}
