import type { Knex } from 'knex';

// A published item found wrong is corrected, never silently rewritten: each corrected field keeps
// what was published before, what it is now, when, why and by whom; the public page shows them.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('publication_corrections', (t) => {
    t.increments('id').primary();
    t.integer('publication_id').notNullable().references('publications.id');
    /** The correcting service call with the field: a re-run corrects nothing twice. */
    t.string('idempotency_key', 250).notNullable();
    t.string('field', 100).notNullable();
    t.text('old_value').notNullable();
    t.text('new_value').notNullable();
    t.text('explanation').notNullable();
    t.bigInteger('corrected_at').notNullable();
    t.string('corrected_by', 100);
    t.string('instance_id', 36).notNullable().references('instances.id');
    t.unique(['idempotency_key']);
    t.index(['publication_id']);
  });
  // Credit repair (信用修复) takes a penalty down before its maximum period: the repair decision is
  // named on the withdrawal notice.
  await knex.schema.alterTable('publications', (t) => {
    t.string('credit_repair_no', 100);
    t.bigInteger('credit_repair_on');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('publications', (t) => {
    t.dropColumn('credit_repair_no');
    t.dropColumn('credit_repair_on');
  });
  await knex.schema.dropTableIfExists('publication_corrections');
}
