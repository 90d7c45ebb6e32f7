import type { Knex } from 'knex';

// Notifications leave through an outbox: a row written in the transaction that caused it,
// delivered after commit with retries; its idempotency key makes a second write or a second
// worker a no-op. The in-app inbox is one of the channels.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('outbox', (t) => {
    t.increments('id').primary();
    t.string('idempotency_key', 300).notNullable().unique();
    t.string('channel', 20).notNullable();
    t.string('recipient', 300).notNullable();
    t.string('template', 100).notNullable();
    t.text('payload').notNullable();
    t.string('case_id', 36);
    t.string('status', 20).notNullable();
    t.integer('attempts').notNullable().defaultTo(0);
    t.bigInteger('next_attempt_at').notNullable();
    t.bigInteger('lease_until');
    t.text('last_error');
    t.bigInteger('created_at').notNullable();
    t.bigInteger('sent_at');
    t.index(['status', 'next_attempt_at']);
  });
  await knex.schema.createTable('inbox', (t) => {
    t.increments('id').primary();
    t.string('idempotency_key', 300).notNullable().unique();
    t.string('username', 100).notNullable();
    t.string('subject', 500).notNullable();
    t.text('body').notNullable();
    t.string('link', 500);
    t.string('level', 20).notNullable();
    t.string('case_id', 36);
    t.bigInteger('created_at').notNullable();
    t.bigInteger('read_at');
    t.index(['username', 'read_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('inbox');
  await knex.schema.dropTableIfExists('outbox');
}
