import type { Knex } from 'knex';

// What an officer has typed into a task form but not yet submitted (暂存): one draft per task and
// person, kept apart from the case's variables and the tamper-evident record, which only hold what
// was submitted. A draft is deleted when its task closes.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('task_drafts', (t) => {
    t.string('task_id', 36).notNullable().references('tasks.id');
    t.string('username', 100).notNullable();
    /** The typed values, as the form's fields would submit them (JSON). */
    t.text('values').notNullable();
    t.bigInteger('saved_at').notNullable();
    t.primary(['task_id', 'username']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('task_drafts');
}
