import type { Knex } from 'knex';

// Evidence files of a case (audio-video records, photos, scans): the bytes live outside the
// database, named by their SHA-256; a row numbers and describes each file. Rows are only ever
// inserted: a correction is a new file that refers to the one it corrects.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('evidence', (t) => {
    t.increments('id').primary();
    t.string('case_id', 36).notNullable().references('instances.id');
    t.string('instance_id', 36).notNullable().references('instances.id');
    t.string('task_id', 36);
    t.string('element_id', 200);
    t.string('kind', 20).notNullable();
    /** Numbered per case and kind: 音像记录 No. 3. */
    t.integer('seq').notNullable();
    t.string('file_name', 255).notNullable();
    t.string('media_type', 100).notNullable();
    t.bigInteger('size').notNullable();
    t.string('sha256', 64).notNullable();
    t.text('description');
    t.integer('corrects').references('evidence.id');
    t.string('uploaded_by', 100).notNullable();
    t.bigInteger('uploaded_at').notNullable();
    t.unique(['case_id', 'kind', 'seq']);
    t.index(['case_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('evidence');
}
