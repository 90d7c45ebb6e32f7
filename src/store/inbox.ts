import type { DbOrTx } from './db.ts';

export interface InboxRow {
  id: number;
  idempotency_key: string;
  username: string;
  subject: string;
  body: string;
  link: string | null;
  level: string;
  case_id: string | null;
  created_at: number;
  read_at: number | null;
}

/** Deliver to the in-app inbox; the key makes a repeated delivery a no-op. */
export async function insertInboxItem(db: DbOrTx, row: Omit<InboxRow, 'id' | 'read_at'>): Promise<void> {
  await db('inbox').insert({ ...row, read_at: null }).onConflict('idempotency_key').ignore();
}

export function inboxOf(db: DbOrTx, username: string, limit = 100): Promise<InboxRow[]> {
  return db<InboxRow>('inbox').where({ username }).orderBy('id', 'desc').limit(limit);
}

export async function unreadCount(db: DbOrTx, username: string): Promise<number> {
  const [row] = await db('inbox').where({ username }).whereNull('read_at').count({ n: '*' });
  return Number((row as { n: number | string }).n);
}

export async function markInboxRead(db: DbOrTx, username: string, id: number, now: number): Promise<boolean> {
  return (await db('inbox').where({ id, username }).whereNull('read_at').update({ read_at: now })) > 0;
}
