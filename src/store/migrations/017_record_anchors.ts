import type { Knex } from 'knex';

// A case knows its own record: the number of entries and the head hash are kept on the case (its
// top-level instance), written in the transaction of each append, so a record emptied or cut
// short no longer verifies. record_mac is the head's HMAC under ZHIFA_RECORD_KEY (null until the
// first append with a key). record_checkpoints keeps each case's head once a day, signed; it is
// append-only like the record (triggers of 014, also put on user_changes, which is only added to).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('instances', (t) => {
    t.integer('record_entries').notNullable().defaultTo(0);
    t.string('record_head', 64);
    t.string('record_mac', 64);
  });
  // Existing cases: what their record holds now.
  await knex.raw(`
    update instances set
      record_entries = coalesce((select max(h.seq) from history h where h.case_id = instances.id), 0),
      record_head = (select h.hash from history h where h.case_id = instances.id order by h.seq desc limit 1)
    where parent_id is null`);
  await knex.schema.createTable('record_checkpoints', (t) => {
    t.increments('id').primary();
    t.string('case_id', 36).notNullable();
    t.string('day', 10).notNullable();
    t.integer('entries').notNullable();
    t.string('head', 64);
    t.string('mac', 64).notNullable();
    t.bigInteger('made_at').notNullable();
    t.unique(['case_id', 'day']);
  });
  if (knex.client.config.client !== 'pg') return;
  for (const table of ['record_checkpoints', 'user_changes']) {
    await knex.raw(`create trigger ${table}_append_only before update or delete on ?? for each row execute function zhifa_record_is_append_only()`, [table]);
  }
}

export async function down(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') await knex.raw('drop trigger if exists user_changes_append_only on user_changes');
  await knex.schema.dropTableIfExists('record_checkpoints');
  await knex.schema.alterTable('instances', (t) => {
    t.dropColumn('record_mac');
    t.dropColumn('record_head');
    t.dropColumn('record_entries');
  });
}
