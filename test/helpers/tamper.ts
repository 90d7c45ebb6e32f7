import type { Db } from '../../src/store/db.ts';
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
