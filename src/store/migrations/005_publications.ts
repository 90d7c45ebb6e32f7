import type { Knex } from 'knex';

// Published enforcement decisions (行政执法公示): the credit platform's 双公示 fields, redacted,
// listed publicly until publish_until; a withdrawn item is listed only as its withdrawal notice.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('publications', (t) => {
    t.increments('id').primary();
    t.string('case_id', 36).notNullable().references('instances.id');
    t.string('instance_id', 36).notNullable().references('instances.id');
    /** The publishing service call: a re-run publishes nothing twice. */
    t.string('idempotency_key', 200).notNullable();
    t.string('kind', 20).notNullable();
    t.string('status', 20).notNullable();
    t.string('party_name', 200).notNullable();
    t.string('decision_no', 100).notNullable();
    t.text('fields').notNullable();
    t.boolean('serious').notNullable().defaultTo(false);
    t.bigInteger('decision_date').notNullable();
    t.bigInteger('published_at').notNullable();
    t.bigInteger('publish_until').notNullable();
    t.string('published_by', 100);
    t.bigInteger('withdrawn_at');
    t.string('withdrawal_reason', 100);
    t.text('withdrawal_explanation');
    t.string('withdrawn_by', 100);
    t.unique(['idempotency_key']);
    t.index(['case_id']);
    t.index(['status', 'publish_until']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('publications');
}
