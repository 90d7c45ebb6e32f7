import { certificateValid } from '../domain/certificate.ts';
import { Groups } from '../domain/demo-agency.ts';
import type { DbOrTx } from '../store/db.ts';
import { latestUserChanges, type UserChangeRow } from '../store/user-changes.ts';
import { accessOf, certifiedPersonnel, listAllUsers, listGroups, listUsers, userByName, usersByName, usersWithSeededPassword, type UserRow } from '../store/users.ts';

export type UserChange = UserChangeRow;
export type { CertifiedPerson } from '../store/users.ts';

export interface Group {
  id: string;
  name: string;
}

/** An account as the pages show it: who, where, what they may do, and their enforcement certificate. */
export interface Account {
  username: string;
  displayName: string | null;
  department: string | null;
  active: boolean;
  groups: string[];
  roles: string[];
  certificateNo: string | null;
  /** The certificate's last instant (exclusive end of its last day), or null. */
  certificateValidUntil: number | null;
  certificateValid: boolean;
}

/**
 * Reading users: the accounts an administrator manages, the people a picker offers, the
 * certified personnel published on the public lists. Pages ask here rather than the store, so
 * each rule (who is offered, whose certificate is valid) is written once.
 */
export class UserDirectory {
  constructor(private readonly db: DbOrTx) {}

  /** Every account, deactivated ones too (the administrators' list), by username. */
  async accounts(now: number): Promise<Account[]> {
    return Promise.all((await listAllUsers(this.db)).map((u) => this.withAccess(u, now)));
  }

  async account(username: string, now: number): Promise<Account | undefined> {
    const user = await userByName(this.db, username);
    return user && this.withAccess(user, now);
  }

  async exists(username: string): Promise<boolean> {
    return !!(await userByName(this.db, username));
  }

  /** Who a people picker may offer: active accounts other than the built-in administrator. */
  async people(now: number): Promise<Account[]> {
    const users = (await listUsers(this.db)).filter((u) => u.username !== 'admin');
    return Promise.all(users.map((u) => this.withAccess(u, now)));
  }

  /** The groups diagrams name, and any other group already in use. */
  async groups(): Promise<Group[]> {
    const byId = new Map<string, Group>(Object.values(Groups).map((g) => [g.id, { ...g }]));
    for (const g of await listGroups(this.db)) byId.set(g.id, g);
    return [...byId.values()];
  }

  /** Display names of these usernames (a username stands for itself when the account has none or is unknown). */
  async displayNames(usernames: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(usernames)];
    const found = new Map((await usersByName(this.db, unique)).map((u) => [u.username, u.display_name ?? u.username]));
    return new Map(unique.map((name) => [name, found.get(name) ?? name]));
  }

  /** The latest account changes, newest first; of one account when `username` is given. */
  changes(limit: number, username?: string): Promise<UserChange[]> {
    return latestUserChanges(this.db, limit, username);
  }

  /** The enforcement personnel list (执法人员清单): active holders of a certificate valid at `now`. */
  certifiedPersonnel(now: number) {
    return certifiedPersonnel(this.db, now);
  }

  /** Active accounts still using a password handed out at first start. */
  withSeededPassword(): Promise<string[]> {
    return usersWithSeededPassword(this.db);
  }

  private async withAccess(u: UserRow, now: number): Promise<Account> {
    const { groups, roles } = await accessOf(this.db, u);
    const until = u.certificate_valid_until === null || u.certificate_valid_until === undefined ? null : Number(u.certificate_valid_until);
    return {
      username: u.username, displayName: u.display_name, department: u.department, active: !!u.active, groups, roles,
      certificateNo: u.certificate_no ?? null, certificateValidUntil: until, certificateValid: certificateValid(u, now),
    };
  }
}
