import type { DbOrTx } from './db.ts';

/** Returns the new row's id, so an attempt refused by the limit can take its row back. */
export async function recordLoginFailure(db: DbOrTx, row: { username: string; address: string; at: number }): Promise<number> {
  const [inserted] = await db('login_failures').insert(row).returning('id');
  return typeof inserted === 'object' ? (inserted as { id: number }).id : (inserted as number);
}

export async function deleteLoginFailure(db: DbOrTx, id: number): Promise<void> {
  await db('login_failures').where({ id }).delete();
}

export async function countLoginFailures(db: DbOrTx, by: { username?: string; address?: string }, since: number): Promise<number> {
  const [row] = await db('login_failures').where(by).andWhere('at', '>=', since).count({ n: '*' });
  return Number((row as { n: number | string }).n);
}

export async function clearLoginFailures(db: DbOrTx, username: string, before: number): Promise<void> {
  await db('login_failures').where({ username }).orWhere('at', '<', before).delete();
}
