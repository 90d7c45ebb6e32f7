import type { Knex } from 'knex';

// A clock may count from an earlier time than the one its start was recorded at: the publication
// limit runs from the decision, however late the publication step starts. Null: from `at`.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('clock_events', (t) => {
    t.bigInteger('counts_from');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('clock_events', (t) => {
    t.dropColumn('counts_from');
  });
}
