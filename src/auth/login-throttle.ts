import type { Clock } from '../clock.ts';
import { ZhifaError } from '../errors.ts';
import type { Db } from '../store/db.ts';
import { clearLoginFailures, countLoginFailures, recordLoginFailure } from '../store/login-failures.ts';

export const LOGIN_WINDOW_MS = 15 * 60_000;
/** Per account: a clerk who mistypes a few times is not locked out; a guesser is slowed to a crawl. */
export const MAX_FAILURES_PER_USER = 5;
/** Per address: one office may share an address, so it gets more room than one account. */
export const MAX_FAILURES_PER_ADDRESS = 30;

/** Sign-in rate limit kept in the database, so every server process enforces the same count. */
export class LoginThrottle {
  constructor(private readonly db: Db, private readonly clock: Clock) {}

  async check(username: string, address: string): Promise<void> {
    const since = this.clock.now().getTime() - LOGIN_WINDOW_MS;
    const [byUser, byAddress] = await Promise.all([countLoginFailures(this.db, { username }, since), countLoginFailures(this.db, { address }, since)]);
    if (byUser >= MAX_FAILURES_PER_USER || byAddress >= MAX_FAILURES_PER_ADDRESS) {
      throw new ZhifaError('tooManyRequests', `登录失败次数过多，请 ${LOGIN_WINDOW_MS / 60_000} 分钟后再试`);
    }
  }

  async failed(username: string, address: string): Promise<void> {
    await recordLoginFailure(this.db, { username: username.slice(0, 100), address: address.slice(0, 64), at: this.clock.now().getTime() });
  }

  /** A successful sign-in forgets the account's failures; old rows of everyone go too. */
  async succeeded(username: string): Promise<void> {
    await clearLoginFailures(this.db, username, this.clock.now().getTime() - LOGIN_WINDOW_MS);
  }
}
