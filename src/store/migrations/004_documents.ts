import type { Knex } from 'knex';

// Enforcement documents (文书) and their number sequences: one per agency, kind and year; never reused.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('document_sequences', (t) => {
    t.string('prefix', 50).notNullable();
    t.integer('year').notNullable();
    t.integer('last_no').notNullable();
    t.primary(['prefix', 'year']);
  });
  await knex.schema.createTable('documents', (t) => {
    t.increments('id').primary();
    t.string('case_id', 36).notNullable().references('instances.id');
    t.string('instance_id', 36).notNullable().references('instances.id');
    t.string('kind', 100).notNullable();
    t.string('number', 100);
    t.string('title', 200).notNullable();
    t.text('html').notNullable();
    t.bigInteger('created_at').notNullable();
    t.string('created_by', 100);
    t.index(['case_id']);
    t.unique(['number']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('documents');
  await knex.schema.dropTableIfExists('document_sequences');
}
