import type { Knex } from 'knex';

// Enforcement certificates (执法证): only certified officers may take investigation and on-site tasks.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.string('certificate_no', 50);
    t.bigInteger('certificate_valid_until');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.dropColumn('certificate_no');
    t.dropColumn('certificate_valid_until');
  });
}
