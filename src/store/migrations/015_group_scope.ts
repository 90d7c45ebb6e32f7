import type { Knex } from 'knex';

// A group is the handling department's own (officers of one 执法大队 see that department's cases)
// or serves the whole agency (the legal-review office, the leadership). Kept on the group, so
// every access check reads it with the case; set at start from rules/organisation.json.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('groups', (t) => {
    t.boolean('agency_wide').notNullable().defaultTo(false);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('groups', (t) => {
    t.dropColumn('agency_wide');
  });
}
