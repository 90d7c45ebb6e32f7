import type { DbOrTx } from './db.ts';

export interface UserRow {
  id: number;
  username: string;
  password_hash: string;
  display_name: string | null;
  email: string | null;
  department: string | null;
  active: boolean | number;
  created_at: number;
  certificate_no?: string | null;
  certificate_valid_until?: number | null;
  /** Nobody chose this password (admin's default): the next sign-in must change it first. */
  must_change_password?: boolean | number;
  /** Still the password handed out at first start (the default or the demo agency's shared one). */
  seeded_password?: boolean | number;
}

export interface UserWithAccess extends UserRow {
  groups: string[];
  roles: string[];
}

export function userByName(db: DbOrTx, username: string): Promise<UserRow | undefined> {
  return db<UserRow>('users').where({ username }).first();
}

export function countUsers(db: DbOrTx): Promise<number> {
  return db('users').count<{ n: number | string }[]>({ n: '*' }).then((r) => Number(r[0]!.n));
}

export async function insertUser(db: DbOrTx, row: Omit<UserRow, 'id'>): Promise<number> {
  const [inserted] = await db('users').insert(row).returning('id');
  return typeof inserted === 'object' ? (inserted as { id: number }).id : (inserted as number);
}

/** Inserts the user unless the username is taken (another process seeding at the same moment); the new id, or undefined. */
export async function insertUserIfAbsent(db: DbOrTx, row: Omit<UserRow, 'id'>): Promise<number | undefined> {
  const [inserted] = await db('users').insert(row).onConflict('username').ignore().returning('id');
  if (inserted === undefined) return undefined;
  return typeof inserted === 'object' ? (inserted as { id: number }).id : (inserted as number);
}

export async function ensureGroup(db: DbOrTx, id: string, name: string): Promise<void> {
  await db('groups').insert({ id, name }).onConflict('id').ignore();
}

export async function addToGroup(db: DbOrTx, userId: number, groupId: string): Promise<void> {
  await db('user_groups').insert({ user_id: userId, group_id: groupId }).onConflict(['user_id', 'group_id']).ignore();
}

export async function grantRole(db: DbOrTx, userId: number, role: string): Promise<void> {
  await db('user_roles').insert({ user_id: userId, role }).onConflict(['user_id', 'role']).ignore();
}

export async function accessOf(db: DbOrTx, user: UserRow): Promise<UserWithAccess> {
  const groups = await db('user_groups').where({ user_id: user.id }).pluck('group_id');
  const roles = await db('user_roles').where({ user_id: user.id }).pluck('role');
  return { ...user, groups, roles };
}

export async function userById(db: DbOrTx, id: number): Promise<UserRow | undefined> {
  return db<UserRow>('users').where({ id }).first();
}

export function usersByName(db: DbOrTx, usernames: string[]): Promise<UserRow[]> {
  return db<UserRow>('users').whereIn('username', usernames);
}

/** Active users, for pickers and the administrators' list. */
export function listUsers(db: DbOrTx): Promise<UserRow[]> {
  return db<UserRow>('users').where({ active: true }).orderBy('username');
}

export interface CertifiedPerson {
  display_name: string | null;
  username: string;
  certificate_no: string;
  certificate_valid_until: number | null;
}

/** Active users holding an enforcement certificate valid at `now`: only what the personnel list publishes. */
export function certifiedPersonnel(db: DbOrTx, now: number): Promise<CertifiedPerson[]> {
  return db('users')
    .where({ active: true })
    .whereNotNull('certificate_no')
    .andWhere((q) => q.whereNull('certificate_valid_until').orWhere('certificate_valid_until', '>', now))
    .orderBy('certificate_no')
    .select('display_name', 'username', 'certificate_no', 'certificate_valid_until');
}

export function listGroups(db: DbOrTx): Promise<Array<{ id: string; name: string }>> {
  return db('groups').select('id', 'name').orderBy('id');
}

/** Sets or renews a user's enforcement certificate; returns whether the user exists. */
export async function setCertificate(db: DbOrTx, username: string, no: string, validUntil: number): Promise<boolean> {
  return (await db('users').where({ username }).update({ certificate_no: no, certificate_valid_until: validUntil })) > 0;
}

/** Active members of any of the groups (the people a group task is offered to). */
export function usersInGroups(db: DbOrTx, groups: string[]): Promise<UserRow[]> {
  if (!groups.length) return Promise.resolve([]);
  return db<UserRow>('users')
    .whereIn('id', db('user_groups').whereIn('group_id', groups).select('user_id'))
    .andWhere({ active: true })
    .orderBy('username');
}

/** Active users holding a role (e.g. every manager, for the daily digest). */
export function usersWithRole(db: DbOrTx, role: string): Promise<UserRow[]> {
  return db<UserRow>('users').whereIn('id', db('user_roles').where({ role }).select('user_id')).andWhere({ active: true }).orderBy('username');
}

/** Groups that serve the whole agency; every other group acts only on its own department's cases. */
export async function agencyWideGroups(db: DbOrTx): Promise<Set<string>> {
  return new Set(await db('groups').where({ agency_wide: true }).pluck('id'));
}

/** Set at start from rules/organisation.json: exactly these groups serve the whole agency. */
export async function setAgencyWideGroups(db: DbOrTx, ids: string[]): Promise<void> {
  for (const id of ids) await db('groups').insert({ id, name: id, agency_wide: true }).onConflict('id').merge(['agency_wide']);
  await db('groups').whereNotIn('id', ids.length ? ids : ['']).update({ agency_wide: false });
}

/** Every user, deactivated ones too: only the administrators' list shows these. */
export function listAllUsers(db: DbOrTx): Promise<UserRow[]> {
  return db<UserRow>('users').orderBy('username');
}

export async function updateUser(db: DbOrTx, id: number, patch: Partial<Pick<UserRow, 'active' | 'password_hash' | 'department' | 'must_change_password' | 'seeded_password'>>): Promise<void> {
  await db('users').where({ id }).update(patch);
}

/** Replaces a user's groups and roles with exactly these. */
export async function replaceAccess(db: DbOrTx, userId: number, groups: Array<{ id: string; name: string }>, roles: string[]): Promise<void> {
  await db('user_groups').where({ user_id: userId }).delete();
  await db('user_roles').where({ user_id: userId }).delete();
  for (const g of groups) {
    await ensureGroup(db, g.id, g.name);
    await addToGroup(db, userId, g.id);
  }
  for (const r of roles) await grantRole(db, userId, r);
}

/** Active accounts that still have a password handed out at first start, for the administrators' banner. */
export function usersWithSeededPassword(db: DbOrTx): Promise<string[]> {
  return db('users').where({ active: true, seeded_password: true }).orderBy('username').pluck('username');
}
