import type { DatabaseConfig } from '../config.ts';
import { createDb, migrate, type Db } from './db.ts';
import { RECORD_TABLES } from './record-tables.ts';

/**
 * The server's PostgreSQL role owns nothing: the owner (DATABASE_MIGRATE_URL) runs the
 * migrations and then grants the role of DATABASE_URL what the server needs. Only the owner (or a
 * superuser) may TRUNCATE, DISABLE TRIGGER or set session_replication_role, so the server's
 * role — and whoever steals its password — can add to the record but never remove from it.
 */
export async function migrateAsOwner(owner: DatabaseConfig, app: Db, schema?: string): Promise<void> {
  const ownerDb = createDb(owner, { schema, poolMax: 1 });
  try {
    await migrate(ownerDb);
    const role = await currentUser(app);
    if (role !== (await currentUser(ownerDb))) await grantAppRole(ownerDb, role);
  } finally {
    await ownerDb.destroy();
  }
}

/** What the server's role may do in the owner's current schema; anything granted before is revoked first. */
export async function grantAppRole(owner: Db, role: string): Promise<void> {
  const attrs: { rows: Array<{ rolsuper: boolean; rolbypassrls: boolean }> } = await owner.raw('select rolsuper, rolbypassrls from pg_roles where rolname = ?', [role]);
  const r = attrs.rows[0];
  if (!r) throw new Error(`the database role "${role}" does not exist`);
  if (r.rolsuper) throw new Error(`the server's database role "${role}" is a superuser: it could switch off the record's guards; connect the server as a role that owns nothing`);
  const schema: string = (await owner.raw('select current_schema() as s')).rows[0].s;
  const owned: { rows: Array<{ tablename: string }> } = await owner.raw('select tablename from pg_tables where schemaname = ? and tableowner = ?', [schema, role]);
  if (owned.rows.length) throw new Error(`the server's database role "${role}" owns ${owned.rows.map((t) => t.tablename).join(', ')}: it must own nothing, or it could switch off the record's guards`);
  const tables: string[] = (await owner.raw(`select table_name from information_schema.tables where table_schema = ? and table_type = 'BASE TABLE'`, [schema])).rows.map((t: { table_name: string }) => t.table_name);
  const record = new Set<string>(RECORD_TABLES);
  await owner.transaction(async (tx) => {
    await tx.raw('grant usage on schema ?? to ??', [schema, role]);
    await tx.raw('revoke all on all tables in schema ?? from ??', [schema, role]);
    for (const table of tables) {
      const rights = record.has(table) ? 'select, insert'
        : table === 'knex_migrations' ? 'select'
        : table === 'knex_migrations_lock' ? 'select, update' // lets `migrate` find nothing to do
        : 'select, insert, update, delete';
      await tx.raw(`grant ${rights} on ?? to ??`, [table, role]);
    }
    await tx.raw('grant usage, select on all sequences in schema ?? to ??', [schema, role]);
  });
}

async function currentUser(db: Db): Promise<string> {
  return (await db.raw('select current_user as u')).rows[0].u;
}
