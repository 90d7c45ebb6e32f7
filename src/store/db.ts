import fs from 'node:fs';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import pg from 'pg';
import type { DatabaseConfig } from '../config.ts';
import { migrationSource } from './migrations/index.ts';

// Times are stored as epoch milliseconds in BIGINT columns on both backends;
// pg returns INT8 as a string by default, which would leak into every repository.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export type Db = Knex;
export type Tx = Knex.Transaction;
export type DbOrTx = Knex | Knex.Transaction;

export interface DbOptions {
  /** PostgreSQL schema to work in (tests give each file its own). */
  schema?: string;
  poolMax?: number;
}

export function createDb(cfg: DatabaseConfig, options: DbOptions = {}): Db {
  if (cfg.client === 'pg') {
    return knexFactory({
      client: 'pg',
      connection: { connectionString: cfg.connectionString },
      searchPath: options.schema ? [options.schema] : undefined,
      pool: { min: 0, max: options.poolMax ?? 10 },
    });
  }
  if (cfg.filename !== ':memory:') fs.mkdirSync(path.dirname(cfg.filename), { recursive: true });
  return knexFactory({
    client: 'better-sqlite3',
    connection: { filename: cfg.filename },
    useNullAsDefault: true,
    pool: {
      min: 1,
      max: 1,
      afterCreate(conn: { pragma(s: string): unknown }, done: (err: Error | null, conn: unknown) => void) {
        conn.pragma('journal_mode = WAL');
        conn.pragma('foreign_keys = ON');
        conn.pragma('busy_timeout = 5000');
        done(null, conn);
      },
    },
  });
}

export function isPostgres(db: DbOrTx): boolean {
  return db.client.config.client === 'pg';
}

/**
 * Applies pending migrations, one process at a time. knex's own lock does not serialise: two
 * processes on a fresh database both create knex_migrations, and the loser of its lock row throws
 * instead of waiting. On PostgreSQL the migrations run in one transaction that first takes a
 * transaction-level advisory lock: the second process waits, then finds nothing to do; the lock
 * goes with the commit, or with the connection if the process dies. One connection does it all,
 * so a pool of one (the owner's, when migrating for a role that owns nothing) is enough.
 * On SQLite see migrateSqlite.
 */
export async function migrate(db: Db): Promise<void> {
  if (!isPostgres(db)) return migrateSqlite(db);
  await db.transaction(async (trx) => {
    await trx.raw(`select pg_advisory_xact_lock(hashtext('zhifa migrate ' || current_schema()))`);
    await trx.migrate.latest({ migrationSource });
  });
}

/**
 * knex's bookkeeping tables are made outside its transaction, so everything goes in one of ours:
 * a start that lost the race rolls back whole (busy, or a table the winner has just made) and
 * tries again once the winner has committed, finding nothing left to do.
 */
async function migrateSqlite(db: Db, attempts = 40): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction((trx) => trx.migrate.latest({ migrationSource }));
    } catch (err) {
      const raced = /already locked|already exists|SQLITE_BUSY|database is locked/i.test(String((err as Error)?.message ?? err));
      if (!raced || attempt >= attempts) throw err;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

export async function checkDb(db: Db): Promise<boolean> {
  try {
    await db.raw('select 1');
    return true;
  } catch {
    return false;
  }
}
