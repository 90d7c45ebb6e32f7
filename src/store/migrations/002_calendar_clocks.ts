import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  // Year arrangements loaded by administrators (beyond the built-in official years) and local closures.
  await knex.schema.createTable('calendar_years', (t) => {
    t.integer('year').primary();
    t.text('holidays').notNullable();
    t.text('workdays').notNullable();
    t.string('reference', 500);
    t.bigInteger('loaded_at').notNullable();
    t.string('loaded_by', 100);
  });
  await knex.schema.createTable('calendar_closures', (t) => {
    t.string('date', 10).primary();
    t.string('name', 200).notNullable();
    t.bigInteger('declared_at').notNullable();
    t.string('declared_by', 100);
  });

  // Statutory clocks belong to a case (the root instance); their due time is derived from their events.
  await knex.schema.createTable('clocks', (t) => {
    t.increments('id').primary();
    t.string('case_id', 36).notNullable().references('instances.id');
    t.string('name', 100).notNullable();
    t.string('status', 20).notNullable();
    t.bigInteger('due_at');
    t.boolean('provisional').notNullable().defaultTo(false);
    t.bigInteger('updated_at').notNullable();
    t.unique(['case_id', 'name']);
  });
  await knex.schema.createTable('clock_events', (t) => {
    t.increments('id').primary();
    t.integer('clock_id').notNullable().references('clocks.id');
    t.string('kind', 20).notNullable();
    t.bigInteger('at').notNullable();
    t.string('period', 50);
    t.string('actor', 100);
    t.string('reason', 500);
    t.index(['clock_id', 'id']);
  });

  // What a task's due date was computed from, so a clock or calendar change can recompute it.
  await knex.schema.alterTable('tasks', (t) => {
    t.string('due_spec', 100);
    t.bigInteger('due_from');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('tasks', (t) => {
    t.dropColumn('due_spec');
    t.dropColumn('due_from');
  });
  for (const table of ['clock_events', 'clocks', 'calendar_closures', 'calendar_years']) await knex.schema.dropTableIfExists(table);
}
