import type { Knex } from 'knex';

// Failed sign-ins, so a password cannot be guessed by trying: every server process counts the
// same rows, which an in-memory limiter in each process would not.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('login_failures', (t) => {
    t.increments('id').primary();
    t.string('username', 100).notNullable();
    t.string('address', 64).notNullable();
    t.bigInteger('at').notNullable();
    t.index(['username', 'at']);
    t.index(['address', 'at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('login_failures');
}
