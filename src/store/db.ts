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

export async function migrate(db: Db): Promise<void> {
  await db.migrate.latest({ migrationSource });
}

export async function checkDb(db: Db): Promise<boolean> {
  try {
    await db.raw('select 1');
    return true;
  } catch {
    return false;
  }
}
