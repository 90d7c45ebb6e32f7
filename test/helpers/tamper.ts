import { entryHash } from '../../src/record/canonical.ts';
import type { Db } from '../../src/store/db.ts';
import { fromJson } from '../../src/store/json.ts';
import { onPostgres } from './database.ts';

/**
 * Change a record table behind the application's back. On PostgreSQL the append-only triggers
 * refuse any change: someone tampering would first have to switch them off, as the table owner here does.
 */
export async function tamper(db: Db, table: string, change: () => Promise<unknown>): Promise<void> {
  if (onPostgres()) await db.raw(`alter table ?? disable trigger ??`, [table, `${table}_append_only`]);
  try {
    await change();
  } finally {
    if (onPostgres()) await db.raw(`alter table ?? enable trigger ??`, [table, `${table}_append_only`]);
  }
}

/**
 * What a forger with the database owner's rights but without the record key does after removing
 * entries: number the rest again, recompute every hash so the chain holds, and register the new
 * count and head on the case (leaving its HMAC as it was: it cannot be made without the key).
 */
export async function rechain(db: Db, caseId: string): Promise<{ entries: number; head: string | null }> {
  const rows = await db('history').where({ case_id: caseId }).orderBy('seq');
  let prev: string | null = null;
  await tamper(db, 'history', async () => {
    for (const [i, r] of rows.entries()) {
      const seq = i + 1;
      const hash = entryHash({ caseId, seq, instanceId: r.instance_id, at: Number(r.at), actor: r.actor, address: r.address, kind: r.kind, elementId: r.element_id, data: fromJson(r.data, null), prevHash: prev });
      await db('history').where({ id: r.id }).update({ seq, prev_hash: prev, hash });
      prev = hash;
    }
  });
  await db('instances').where({ id: caseId }).update({ record_entries: rows.length, record_head: prev });
  return { entries: rows.length, head: prev };
}

/**
 * Tamper, look, and put the row back whatever the look found: a failed assertion must not leave
 * the next test of the file a broken record (and a cascade of failures that hide the first).
 */
export async function whileTampered(db: Db, table: string, change: () => Promise<unknown>, restore: () => Promise<unknown>, look: () => Promise<void>): Promise<void> {
  await tamper(db, table, change);
  try {
    await look();
  } finally {
    await tamper(db, table, restore);
  }
}
