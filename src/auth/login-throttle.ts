import type { Clock } from '../clock.ts';
import { ZhifaError } from '../errors.ts';
import type { Db } from '../store/db.ts';
import { clearLoginFailures, deleteLoginFailure, loginFailureStats, recordLoginFailure} from '../store/login-failures.ts';

export const LOGIN_WINDOW_MS = 15 * 60_000;
/** Per account and address: a clerk who mistypes a few times is not locked out; a guesser is slowed to a crawl. */
export const MAX_FAILURES_PER_USER = 5;
/** Per address: one office may share an address, so it gets more room than one account. */
export const MAX_FAILURES_PER_ADDRESS = 30;

/**
 * Sign-in rate limit kept in the database, so every server process enforces the same count.
 *
 * Guesses are limited where they come from, never by locking the account: otherwise anyone could
 * keep anyone (an administrator too) out by typing wrong passwords under their name. So
 * - an address gets MAX_FAILURES_PER_USER failures per account, and MAX_FAILURES_PER_ADDRESS in all;
 * - an account that has had MAX_FAILURES_PER_USER failures in the window (from anywhere) is under
 *   attack: each address that has already failed on it waits, while an address with no failure on
 *   it still gets its attempt, so the owner signs in and guessers from many addresses get one
 *   guess each instead of five.
 */
export class LoginThrottle {
  constructor(private readonly db: Db, private readonly clock: Clock) {}

  /**
   * Counts this attempt as a failure before its password is checked, then checks the limits with it
   * included: guesses sent at once each see the others' rows, so no more than the limit get
   * through (checking first and recording after would let every simultaneous guess pass the check).
   * An attempt over a limit takes its row back, so waiting out the window is enough.
   */
  async attempt(username: string, address: string): Promise<void> {
    const at = this.clock.now().getTime();
    const row = { username: username.slice(0, 100), address: address.slice(0, 64), at };
    const id = await recordLoginFailure(this.db, row);
    const since = at - LOGIN_WINDOW_MS;
    const [pair, byUser, byAddress] = await Promise.all([
      loginFailureStats(this.db, { username: row.username, address: row.address }, since, id), // the earlier ones: this attempt is the +1
      loginFailureStats(this.db, { username: row.username }, since),
      loginFailureStats(this.db, { address: row.address }, since),
    ]);
    // Each refusal waits until the oldest of the failures that caused it leaves the window.
    let until: number | undefined;
    if (pair.n + 1 > MAX_FAILURES_PER_USER) until = pair.first;
    else if (byAddress.n > MAX_FAILURES_PER_ADDRESS) until = byAddress.first;
    // Under attack, this address is clean again when its newest failure on the account leaves the window.
    else if (byUser.n > MAX_FAILURES_PER_USER && pair.n > 0) until = pair.last;
    if (until === undefined) return;
    await deleteLoginFailure(this.db, id);
    const retryAfter = Math.max(1, Math.ceil((until + LOGIN_WINDOW_MS - at) / 1000));
    throw new ZhifaError('tooManyRequests', `登录失败次数过多，请 ${Math.ceil(retryAfter / 60)} 分钟后再试`, { extra: { retryAfter } });
  }

  /** A successful sign-in forgets its own address's failures on the account, not those of other addresses; old rows of everyone go too. */
  async succeeded(username: string, address: string): Promise<void> {
    await clearLoginFailures(this.db, username.slice(0, 100), address.slice(0, 64), this.clock.now().getTime() - LOGIN_WINDOW_MS);
  }
}

