import type { DbOrTx } from './db.ts';

export async function recordLoginFailure(db: DbOrTx, row: { username: string; address: string; at: number }): Promise<void> {
  await db('login_failures').insert(row);
}

export async function countLoginFailures(db: DbOrTx, by: { username?: string; address?: string }, since: number): Promise<number> {
  const [row] = await db('login_failures').where(by).andWhere('at', '>=', since).count({ n: '*' });
  return Number((row as { n: number | string }).n);
}

export async function clearLoginFailures(db: DbOrTx, username: string, before: number): Promise<void> {
  await db('login_failures').where({ username }).orWhere('at', '<', before).delete();
}
