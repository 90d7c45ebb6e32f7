import type { DbOrTx } from './db.ts';

/** Returns the new row's id, so an attempt refused by the limit can take its row back. */
export async function recordLoginFailure(db: DbOrTx, row: { username: string; address: string; at: number }): Promise<number> {
  const [inserted] = await db('login_failures').insert(row).returning('id');
  return typeof inserted === 'object' ? (inserted as { id: number }).id : (inserted as number);
}

export async function deleteLoginFailure(db: DbOrTx, id: number): Promise<void> {
  await db('login_failures').where({ id }).delete();
}

export interface FailureStats {
  n: number;
  /** Times of the oldest and newest failure counted (undefined when none). */
  first?: number;
  last?: number;
}

/** Failures since `since` of an account, an address or a pair of both, leaving out the row `exceptId`. */
export async function loginFailureStats(db: DbOrTx, by: { username?: string; address?: string }, since: number, exceptId?: number): Promise<FailureStats> {
  const q = db('login_failures').where(by).andWhere('at', '>=', since);
  if (exceptId !== undefined) q.andWhereNot({ id: exceptId });
  const [row] = (await q.count({ n: '*' }).min({ first: 'at' }).max({ last: 'at' })) as Array<{ n: number | string; first: number | string | null; last: number | string | null }>;
  const time = (v: number | string | null | undefined) => (v === null || v === undefined ? undefined : Number(v));
  return { n: Number(row?.n ?? 0), first: time(row?.first), last: time(row?.last) };
}

/** Forgets the failures of one account from one address, and everyone's rows older than `before`. */
export async function clearLoginFailures(db: DbOrTx, username: string, address: string, before: number): Promise<void> {
  await db('login_failures').where({ username, address }).orWhere('at', '<', before).delete();
}
