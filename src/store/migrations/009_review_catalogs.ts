import type { Knex } from 'knex';

// The legal-review catalog as edited by administrators: every saved revision is kept, with who
// saved it and when, and the newest one is the catalog in force (the file is only the default).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('review_catalogs', (t) => {
    t.increments('id').primary();
    /** The catalog's own "version", recorded in every case's answer. */
    t.string('version', 100).notNullable();
    t.text('content').notNullable();
    t.bigInteger('saved_at').notNullable();
    t.string('saved_by', 100).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('review_catalogs');
}
