import type { DbOrTx } from './db.ts';

/** Who stands in for whom, over which Shanghai days (both included). */
export interface DeputyRow {
  principal: string;
  deputy: string;
  starts_on: string;
  ends_on: string;
  reason: string | null;
  set_at: number;
}

export function deputyOf(db: DbOrTx, principal: string): Promise<DeputyRow | undefined> {
  return db<DeputyRow>('deputies').where({ principal }).first();
}

/** The users `deputy` stands in for on `day` (YYYY-MM-DD). */
export function principalsOn(db: DbOrTx, deputy: string, day: string): Promise<DeputyRow[]> {
  return db<DeputyRow>('deputies').where({ deputy }).andWhere('starts_on', '<=', day).andWhere('ends_on', '>=', day).orderBy('principal');
}

/** Every standing-in that has not ended before `day`, for the deputy's own account page. */
export function principalsFrom(db: DbOrTx, deputy: string, day: string): Promise<DeputyRow[]> {
  return db<DeputyRow>('deputies').where({ deputy }).andWhere('ends_on', '>=', day).orderBy('starts_on');
}

/** One deputy per user: a new one replaces the old. */
export async function putDeputy(db: DbOrTx, row: DeputyRow): Promise<void> {
  await db('deputies').insert(row).onConflict('principal').merge(['deputy', 'starts_on', 'ends_on', 'reason', 'set_at']);
}

export async function removeDeputy(db: DbOrTx, principal: string): Promise<number> {
  return db('deputies').where({ principal }).delete();
}
