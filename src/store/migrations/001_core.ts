import type { Knex } from 'knex';

// All instants are epoch milliseconds (BIGINT) so SQLite and PostgreSQL compare them alike.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('definitions', (t) => {
    t.increments('id').primary();
    t.string('key', 200).notNullable();
    t.integer('version').notNullable();
    t.string('name', 500);
    t.text('xml').notNullable();
    t.string('hash', 64).notNullable();
    t.bigInteger('deployed_at').notNullable();
    t.string('deployed_by', 100);
    t.unique(['key', 'version']);
  });

  await knex.schema.createTable('instances', (t) => {
    t.string('id', 36).primary();
    t.integer('definition_id').notNullable().references('definitions.id');
    t.string('process_key', 200).notNullable();
    t.string('business_key', 200);
    t.string('status', 20).notNullable();
    t.text('state');
    t.text('variables').notNullable();
    t.integer('revision').notNullable();
    t.string('root_id', 36).notNullable();
    t.string('parent_id', 36);
    t.string('parent_execution_id', 200);
    t.string('started_by', 100);
    t.bigInteger('started_at').notNullable();
    t.bigInteger('updated_at').notNullable();
    t.bigInteger('ended_at');
    t.text('error');
    t.index(['business_key']);
    t.index(['parent_id']);
    t.index(['status']);
  });

  await knex.schema.createTable('tasks', (t) => {
    t.string('id', 36).primary();
    t.string('instance_id', 36).notNullable().references('instances.id');
    t.string('element_id', 200).notNullable();
    t.string('execution_id', 200).notNullable();
    t.string('name', 500);
    t.string('form_key', 200);
    t.string('assignee', 100);
    t.text('candidate_groups').notNullable();
    t.bigInteger('due_at');
    t.string('status', 20).notNullable();
    t.bigInteger('created_at').notNullable();
    t.bigInteger('ended_at');
    t.string('completed_by', 100);
    t.unique(['instance_id', 'execution_id']);
    t.index(['status', 'assignee']);
  });

  await knex.schema.createTable('jobs', (t) => {
    t.increments('id').primary();
    t.string('instance_id', 36).notNullable().references('instances.id');
    t.string('kind', 20).notNullable();
    t.string('element_id', 200).notNullable();
    t.string('execution_id', 200).notNullable();
    t.bigInteger('due_at').notNullable();
    t.string('status', 20).notNullable();
    t.integer('attempts').notNullable().defaultTo(0);
    t.text('last_error');
    t.bigInteger('created_at').notNullable();
    t.bigInteger('ended_at');
    // Not unique: a cycle timer re-arms under the same execution id after each firing.
    t.index(['instance_id', 'execution_id']);
    t.index(['status', 'due_at']);
  });

  await knex.schema.createTable('message_subscriptions', (t) => {
    t.increments('id').primary();
    t.string('instance_id', 36).notNullable().references('instances.id');
    t.string('message_name', 200).notNullable();
    t.string('message_id', 200).notNullable();
    t.string('element_id', 200).notNullable();
    t.string('execution_id', 200).notNullable();
    t.bigInteger('created_at').notNullable();
    t.unique(['instance_id', 'execution_id']);
    t.index(['message_name']);
  });

  await knex.schema.createTable('history', (t) => {
    t.increments('id').primary();
    t.string('instance_id', 36).notNullable().references('instances.id');
    t.bigInteger('at').notNullable();
    t.string('actor', 100);
    t.string('kind', 50).notNullable();
    t.string('element_id', 200);
    t.text('data');
    t.index(['instance_id', 'id']);
  });

  await knex.schema.createTable('users', (t) => {
    t.increments('id').primary();
    t.string('username', 100).notNullable().unique();
    t.string('password_hash', 100).notNullable();
    t.string('display_name', 200);
    t.string('email', 200);
    t.string('department', 100);
    t.boolean('active').notNullable().defaultTo(true);
    t.bigInteger('created_at').notNullable();
  });

  await knex.schema.createTable('groups', (t) => {
    t.string('id', 100).primary();
    t.string('name', 200).notNullable();
  });

  await knex.schema.createTable('user_groups', (t) => {
    t.integer('user_id').notNullable().references('users.id');
    t.string('group_id', 100).notNullable().references('groups.id');
    t.primary(['user_id', 'group_id']);
  });

  await knex.schema.createTable('user_roles', (t) => {
    t.integer('user_id').notNullable().references('users.id');
    t.string('role', 50).notNullable();
    t.primary(['user_id', 'role']);
  });

  await knex.schema.createTable('auth_tokens', (t) => {
    t.string('token_hash', 64).primary();
    t.integer('user_id').notNullable().references('users.id');
    t.bigInteger('created_at').notNullable();
    t.bigInteger('expires_at').notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['auth_tokens', 'user_roles', 'user_groups', 'groups', 'users', 'history', 'message_subscriptions', 'jobs', 'tasks', 'instances', 'definitions']) {
    await knex.schema.dropTableIfExists(table);
  }
}
