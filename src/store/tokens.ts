import type { DbOrTx } from './db.ts';

export async function insertToken(db: DbOrTx, row: { token_hash: string; user_id: number; created_at: number; expires_at: number }): Promise<void> {
  await db('auth_tokens').insert(row);
}

export function tokenByHash(db: DbOrTx, tokenHash: string): Promise<{ user_id: number; expires_at: number } | undefined> {
  return db('auth_tokens').where({ token_hash: tokenHash }).first();
}

export async function deleteExpiredTokens(db: DbOrTx, now: number): Promise<void> {
  await db('auth_tokens').where('expires_at', '<', now).delete();
}

export async function deleteToken(db: DbOrTx, tokenHash: string): Promise<void> {
  await db('auth_tokens').where({ token_hash: tokenHash }).delete();
}

/** Ends a user's sessions and API tokens, all but `keepHash` (the session asking, when it stays signed in). */
export async function deleteTokensOfUser(db: DbOrTx, userId: number, keepHash?: string): Promise<number> {
  const q = db('auth_tokens').where({ user_id: userId });
  if (keepHash) q.whereNot({ token_hash: keepHash });
  return q.delete();
}
