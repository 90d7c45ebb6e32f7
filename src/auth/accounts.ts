import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { unauthorized, ZhifaError } from '../errors.ts';
import type { Db, Tx } from '../store/db.ts';
import { deleteExpiredTokens, deleteToken, deleteTokensOfUser, insertToken, tokenByHash } from '../store/tokens.ts';
import { recordUserChange } from '../store/user-changes.ts';
import { accessOf, addToGroup, countUsers, ensureGroup, grantRole, insertUser, insertUserIfAbsent, updateUser, userById, userByName, type UserRow } from '../store/users.ts';
import type { Actor } from '../workflow/actor.ts';
import { LoginThrottle } from './login-throttle.ts';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';

export const Roles = { admin: 'admin', processAdmin: 'process-admin', staff: 'staff', manager: 'manager' } as const;

/** How pages name each role: a person reads 系统管理员, never the code `admin`. */
export const ROLE_LABELS: Record<string, string> = { [Roles.staff]: '执法人员', [Roles.manager]: '管理人员', [Roles.processAdmin]: '流程管理员', [Roles.admin]: '系统管理员' };

export interface NewUser {
  username: string;
  password: string;
  displayName?: string;
  email?: string;
  department?: string;
  groups?: Array<{ id: string; name: string }>;
  roles?: string[];
  certificate?: { no: string; validUntil: Date };
  /** A password nobody chose: the first sign-in must change it. */
  mustChangePassword?: boolean;
  /** A password handed out at first start (default or demo): administrators see a banner until it is changed. */
  seededPassword?: boolean;
}

/** The sign-in answer for an account whose password nobody chose: no token until it is changed. */
export const mustChangePassword = (username: string) =>
  new ZhifaError('forbidden', `必须先修改密码（must change password）：账号「${username}」仍在使用默认密码或演示密码，请先设置新密码（POST /api/auth/password {username, password, newPassword}，或在登录页按提示修改）`, { extra: { mustChangePassword: true } });

export const isMustChangePassword = (err: unknown) => err instanceof ZhifaError && err.extra?.mustChangePassword === true;

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
    return this.db.transaction(async (tx) => (await this.insert(tx, user, hash, false))!);
  }

  /**
   * An administrator creates an account (the "新建用户" form): a username already taken is
   * refused (422 naming the field), and the account and its line in user_changes are one transaction.
   */
  async createBy(by: string, user: NewUser): Promise<number> {
    if (await userByName(this.db, user.username)) throw new ZhifaError('unprocessable', `用户名「${user.username}」已存在`, { extra: { field: 'username' } });
    const hash = await hashPassword(user.password, this.bcryptRounds);
    return this.db.transaction(async (tx) => {
      const id = (await this.insert(tx, user, hash, false))!;
      await recordUserChange(tx, { username: user.username, kind: 'created', detail: `新建用户，角色：${user.roles?.join('、')}`, changed_by: by, changed_at: this.clock.now().getTime() });
      return id;
    });
  }

  /**
   * The first start: the first of `users` (admin), then the rest (the demo agency), in one
   * transaction that does nothing if the first exists. Processes starting at once on a fresh
   * database all get here; the first to insert admin seeds everything, the others find its row
   * (on PostgreSQL they wait for its commit) and seed nothing. Returns whether this one seeded.
   */
  async seedFirstUsers(users: NewUser[]): Promise<boolean> {
    if (!users.length || (await countUsers(this.db)) > 0) return false;
    const hashes = await Promise.all(users.map((u) => hashPassword(u.password, this.bcryptRounds)));
    return this.db.transaction(async (tx) => {
      if ((await this.insert(tx, users[0]!, hashes[0]!, true)) === undefined) return false;
      for (let i = 1; i < users.length; i++) await this.insert(tx, users[i]!, hashes[i]!, false);
      return true;
    });
  }

  private async insert(tx: Tx, user: NewUser, hash: string, ifAbsent: boolean): Promise<number | undefined> {
    const row = {
      username: user.username,
      password_hash: hash,
      display_name: user.displayName ?? null,
      email: user.email ?? null,
      department: user.department ?? null,
      certificate_no: user.certificate?.no ?? null,
      certificate_valid_until: user.certificate?.validUntil.getTime() ?? null,
      active: true,
      created_at: this.clock.now().getTime(),
      must_change_password: user.mustChangePassword ?? false,
      seeded_password: user.seededPassword ?? false,
    };
    const id = ifAbsent ? await insertUserIfAbsent(tx, row) : await insertUser(tx, row);
    if (id === undefined) return undefined;
    for (const g of user.groups ?? []) {
      await ensureGroup(tx, g.id, g.name);
      await addToGroup(tx, id, g.id);
    }
    for (const r of user.roles ?? []) await grantRole(tx, id, r);
    return id;
  }

  /** A password hashed as every stored one is. */
  hashPassword(password: string): Promise<string> {
    return hashPassword(password, this.bcryptRounds);
  }

  /** `address` is the client's address, for the sign-in rate limit. */
  async login(username: unknown, password: unknown, address = 'unknown'): Promise<{ token: string; expiresAt: number }> {
    const user = await this.checkPassword(username, password, address);
    if (user.must_change_password) throw mustChangePassword(user.username);
    return this.issueToken(user.id);
  }

  /**
   * Changing one's password with the current one, without a session: how an account whose
   * password nobody chose first signs in (API and sign-in page). Every session and token of the
   * account ends; the answer is a new one, as a sign-in's.
   */
  async changePassword(username: unknown, password: unknown, newPassword: unknown, address = 'unknown'): Promise<{ token: string; expiresAt: number }> {
    if (typeof newPassword !== 'string' || !newPassword) throw new ZhifaError('unprocessable', '「newPassword」（新密码）为必填项');
    const problem = passwordProblem(newPassword, '新密码');
    if (problem) throw new ZhifaError('unprocessable', problem);
    if (newPassword === password) throw new ZhifaError('unprocessable', '新密码不能与当前密码相同');
    const user = await this.checkPassword(username, password, address);
    const hash = await hashPassword(newPassword, this.bcryptRounds);
    await this.db.transaction(async (tx) => {
      await updateUser(tx, user.id, { password_hash: hash, must_change_password: false, seeded_password: false });
      const ended = await deleteTokensOfUser(tx, user.id);
      await recordUserChange(tx, { username: user.username, kind: 'password-changed', detail: `本人修改密码${user.must_change_password ? '（首次登录，替换默认密码）' : ''}，结束登录会话及 API 令牌 ${ended} 个`, changed_by: user.username, changed_at: this.clock.now().getTime() });
    });
    return this.issueToken(user.id);
  }

  /** The account, if the password is right, the account active and the sign-in limit not reached. */
  private async checkPassword(username: unknown, password: unknown, address: string): Promise<UserRow> {
    if (typeof username !== 'string' || typeof password !== 'string' || !username || !password) {
      throw unauthorized('username and password are required');
    }
    await this.throttle.attempt(username, address);
    const user = await userByName(this.db, username);
    // Compare even for an unknown user so the answer time does not reveal which usernames exist.
    const ok = await verifyPassword(password, user?.password_hash ?? '$2b$10$invalidinvalidinvalidinvalidinvalidinvalidinvalidinva');
    // The attempt is already counted as a failure; only a success takes it back.
    if (!user || !ok || !user.active) throw unauthorized('wrong username or password');
    await this.throttle.succeeded(username, address);
    return user;
  }

  private async issueToken(userId: number): Promise<{ token: string; expiresAt: number }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now().getTime();
    const expiresAt = now + this.tokenTtlMs;
    await deleteExpiredTokens(this.db, now);
    await insertToken(this.db, { token_hash: tokenHash(token), user_id: userId, created_at: now, expires_at: expiresAt });
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
