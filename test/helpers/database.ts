import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory from 'knex';
import { parseDatabaseUrl, type DatabaseConfig } from '../../src/config.ts';

export interface TestDatabase {
  database: DatabaseConfig;
  /** PostgreSQL schema of this test file; undefined on SQLite. */
  schema?: string;
  drop(): Promise<void>;
}

export const onPostgres = () => (process.env.DATABASE_URL ?? '').startsWith('postgres');

/**
 * Each test file gets its own database: a fresh schema on PostgreSQL (DATABASE_URL=postgres://…),
 * a fresh file on SQLite otherwise. Files never see each other's rows, whatever the order.
 */
export async function testDatabase(label: string): Promise<TestDatabase> {
  const safe = label.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 30);
  const suffix = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  if (onPostgres()) {
    const database = parseDatabaseUrl(process.env.DATABASE_URL, process.cwd());
    const schema = `t_${safe}_${suffix}`;
    const admin = knexFactory({ client: 'pg', connection: (database as { connectionString: string }).connectionString, pool: { min: 0, max: 1 } });
    await admin.raw(`create schema "${schema}"`);
    await admin.destroy();
    return {
      database,
      schema,
      async drop() {
        const a = knexFactory({ client: 'pg', connection: (database as { connectionString: string }).connectionString, pool: { min: 0, max: 1 } });
        await a.raw(`drop schema if exists "${schema}" cascade`);
        await a.destroy();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `zhifa-${safe}-`));
  return {
    database: { client: 'sqlite', filename: path.join(dir, 'test.sqlite') },
    async drop() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
