import type { Knex } from 'knex';

// On PostgreSQL the record tables refuse UPDATE and DELETE outright, whoever connects; on SQLite
// the application simply never issues them. Dropping a test schema (DROP … CASCADE) still works.
const TABLES = ['history', 'evidence', 'documents'];

export async function up(knex: Knex): Promise<void> {
  if (knex.client.config.client !== 'pg') return;
  await knex.raw(`
    create or replace function zhifa_record_is_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'the case record is append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'raise_exception';
    end $$`);
  for (const table of TABLES) {
    await knex.raw(`create trigger ${table}_append_only before update or delete on ?? for each row execute function zhifa_record_is_append_only()`, [table]);
  }
}

export async function down(knex: Knex): Promise<void> {
  if (knex.client.config.client !== 'pg') return;
  for (const table of TABLES) await knex.raw(`drop trigger if exists ${table}_append_only on ??`, [table]);
  await knex.raw('drop function if exists zhifa_record_is_append_only()');
}
