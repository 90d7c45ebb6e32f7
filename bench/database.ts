import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory from 'knex';
import type { DatabaseConfig } from '../src/config.ts';
import { PG_URL } from './settings.ts';

export interface BenchDatabase {
  database: DatabaseConfig;
  /** PostgreSQL schema; undefined on SQLite. */
  schema?: string;
  drop(): Promise<void>;
}

/** A throwaway SQLite file, so a run never touches data/ or another run's rows. */
export function sqliteDatabase(): BenchDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhifa-bench-'));
  return {
    database: { client: 'sqlite', filename: path.join(dir, 'bench.sqlite') },
    async drop() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh schema on the PostgreSQL at PG_URL, or undefined (with the reason) if it cannot be reached. */
export async function postgresDatabase(): Promise<BenchDatabase | { unreachable: string }> {
  const schema = `bench_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  try {
    await admin((db) => db.raw(`create schema "${schema}"`));
  } catch (err) {
    return { unreachable: err instanceof Error ? err.message || err.constructor.name : String(err) };
  }
  return {
    database: { client: 'pg', connectionString: PG_URL },
    schema,
    drop: () => admin((db) => db.raw(`drop schema if exists "${schema}" cascade`)),
  };
}

async function admin(fn: (db: knexFactory.Knex) => Promise<unknown>): Promise<void> {
  const db = knexFactory({
    client: 'pg',
    connection: { connectionString: PG_URL, connectionTimeoutMillis: 3000 },
    pool: { min: 0, max: 1 },
    // An unreachable server is reported once, by the caller, not as a stack trace from the pool.
    log: { warn: () => {} },
  });
  try {
    await fn(db);
  } finally {
    await db.destroy();
  }
}
