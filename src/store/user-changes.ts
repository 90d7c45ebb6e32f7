import type { DbOrTx } from './db.ts';

export type UserChangeKind = 'created' | 'deactivated' | 'reactivated' | 'password-reset' | 'password-changed' | 'access-changed' | 'certificate';

export interface UserChangeRow {
  id: number;
  username: string;
  kind: UserChangeKind;
  detail: string;
  changed_by: string;
  changed_at: number;
}

/** Append-only: nothing updates or deletes these rows. */
export async function recordUserChange(db: DbOrTx, row: Omit<UserChangeRow, 'id'>): Promise<void> {
  await db('user_changes').insert(row);
}

export async function latestUserChanges(db: DbOrTx, limit: number, username?: string): Promise<UserChangeRow[]> {
  const q = db<UserChangeRow>('user_changes').orderBy([{ column: 'changed_at', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(limit);
  if (username) q.where({ username });
  return (await q).map((r) => ({ ...r, changed_at: Number(r.changed_at) }));
}
