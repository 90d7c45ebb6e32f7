import type { Knex } from 'knex';

// A user on leave names a deputy (代理人) for a range of days: during it the deputy sees and works
// what is assigned or offered to them. One deputy per user at a time; the acts themselves are
// recorded on each case (history), so this row only says who stands in for whom, and when.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('deputies', (t) => {
    t.string('principal', 100).primary();
    t.string('deputy', 100).notNullable();
    /** Shanghai calendar days, both included (YYYY-MM-DD). */
    t.string('starts_on', 10).notNullable();
    t.string('ends_on', 10).notNullable();
    t.text('reason');
    t.bigInteger('set_at').notNullable();
    t.index(['deputy']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('deputies');
}
