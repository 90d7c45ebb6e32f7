import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { unauthorized } from '../errors.ts';
import type { Db } from '../store/db.ts';
import { deleteExpiredTokens, deleteToken, insertToken, tokenByHash } from '../store/tokens.ts';
import { accessOf, addToGroup, countUsers, ensureGroup, grantRole, insertUser, userById, userByName } from '../store/users.ts';
import type { Actor } from '../workflow/actor.ts';
import { LoginThrottle } from './login-throttle.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

export const Roles = { admin: 'admin', processAdmin: 'process-admin', staff: 'staff', manager: 'manager' } as const;

export interface NewUser {
  username: string;
  password: string;
  displayName?: string;
  email?: string;
  department?: string;
  groups?: Array<{ id: string; name: string }>;
  roles?: string[];
  certificate?: { no: string; validUntil: Date };
}

/** What auth_tokens stores for a token. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Users, their groups and roles, and bearer tokens (stored hashed, so a leaked table grants nothing). */
export class Accounts {
  private readonly throttle: LoginThrottle;

  /** `throttleClock` times the sign-in rate limit; tokens keep to `clock` (real time, even when a training clock is moved). */
  constructor(private readonly db: Db, private readonly clock: Clock, private readonly tokenTtlMs: number, private readonly bcryptRounds = 10, throttleClock: Clock = clock) {
    this.throttle = new LoginThrottle(db, throttleClock);
  }

  async create(user: NewUser): Promise<number> {
    const hash = await hashPassword(user.password, this.bcryptRounds);
    return this.db.transaction(async (tx) => {
      const id = await insertUser(tx, {
        username: user.username,
        password_hash: hash,
        display_name: user.displayName ?? null,
        email: user.email ?? null,
        department: user.department ?? null,
        certificate_no: user.certificate?.no ?? null,
        certificate_valid_until: user.certificate?.validUntil.getTime() ?? null,
        active: true,
        created_at: this.clock.now().getTime(),
      });
      for (const g of user.groups ?? []) {
        await ensureGroup(tx, g.id, g.name);
        await addToGroup(tx, id, g.id);
      }
      for (const r of user.roles ?? []) await grantRole(tx, id, r);
      return id;
    });
  }

  /** A password hashed as every stored one is. */
  hashPassword(password: string): Promise<string> {
    return hashPassword(password, this.bcryptRounds);
  }

  /** On a fresh database, create `admin`; returns whether it did. */
  async ensureAdmin(password: string): Promise<boolean> {
    if ((await countUsers(this.db)) > 0) return false;
    await this.create({ username: 'admin', password, displayName: '系统管理员', roles: [Roles.admin, Roles.processAdmin] });
    return true;
  }

  /** `address` is the client's address, for the sign-in rate limit. */
  async login(username: unknown, password: unknown, address = 'unknown'): Promise<{ token: string; expiresAt: number }> {
    if (typeof username !== 'string' || typeof password !== 'string' || !username || !password) {
      throw unauthorized('username and password are required');
    }
    await this.throttle.attempt(username, address);
    const user = await userByName(this.db, username);
    // Compare even for an unknown user so the answer time does not reveal which usernames exist.
    const ok = await verifyPassword(password, user?.password_hash ?? '$2b$10$invalidinvalidinvalidinvalidinvalidinvalidinvalidinva');
    // The attempt is already counted as a failure; only a success takes it back.
    if (!user || !ok || !user.active) throw unauthorized('wrong username or password');
    await this.throttle.succeeded(username);
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now().getTime();
    const expiresAt = now + this.tokenTtlMs;
    await deleteExpiredTokens(this.db, now);
    await insertToken(this.db, { token_hash: tokenHash(token), user_id: user.id, created_at: now, expires_at: expiresAt });
    return { token, expiresAt };
  }

  async logout(token: string): Promise<void> {
    await deleteToken(this.db, tokenHash(token));
  }

  async actorForToken(token: string): Promise<Actor & { userId: number; department: string | null; displayName: string }> {
    const row = await tokenByHash(this.db, tokenHash(token));
    if (!row || row.expires_at <= this.clock.now().getTime()) throw unauthorized('the token is unknown or has expired; sign in again');
    const user = await userById(this.db, row.user_id);
    if (!user || !user.active) throw unauthorized('the account is disabled');
    const access = await accessOf(this.db, user);
    return { userId: user.id, username: user.username, displayName: user.display_name ?? user.username, groups: access.groups, roles: access.roles, department: user.department };
  }
}
