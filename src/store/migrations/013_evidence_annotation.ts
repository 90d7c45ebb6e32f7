import type { Knex } from 'knex';

// The annotation an audio-video record must carry (what was recorded is `description`): where,
// who speaks, the main content; and the address it was uploaded from. A corrected annotation is
// a new evidence row that `corrects` the old one.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('evidence', (t) => {
    t.string('place', 200);
    t.string('speakers', 500);
    t.text('summary');
    t.string('uploaded_from', 100);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('evidence', (t) => {
    t.dropColumn('uploaded_from');
    t.dropColumn('summary');
    t.dropColumn('speakers');
    t.dropColumn('place');
  });
}
