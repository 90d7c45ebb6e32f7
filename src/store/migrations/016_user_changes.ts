import type { Knex } from 'knex';

// Who deactivated, reactivated, reset or re-scoped an account, and when: an inquiry into what
// someone could do on a given day reads this, so rows are only ever added.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('user_changes', (t) => {
    t.increments('id').primary();
    t.string('username', 100).notNullable();
    t.string('kind', 40).notNullable();
    t.text('detail').notNullable();
    t.string('changed_by', 100).notNullable();
    t.bigInteger('changed_at').notNullable();
    t.index(['username', 'changed_at']);
    t.index(['changed_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('user_changes');
}
