import type { Knex } from 'knex';

// A clock belongs to the instance whose diagram (or API call) started it, so two publications of
// one case keep two deadlines. case_id stays: calendar recompute and case refresh work per case.
// Clocks started before this migration belonged to the whole case: their scope is the case root.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('clocks', (t) => {
    t.string('scope_id', 36).references('instances.id');
  });
  await knex('clocks').update({ scope_id: knex.ref('case_id') });
  await knex.schema.alterTable('clocks', (t) => {
    t.dropUnique(['case_id', 'name']);
    t.dropNullable('scope_id');
    t.unique(['scope_id', 'name']);
    t.index(['case_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  // Before this migration a case had one clock per name: clocks of sub-processes cannot go back.
  const scoped = await knex('clocks').whereRaw('scope_id <> case_id').count({ n: '*' }).first();
  if (Number(scoped?.n ?? 0) > 0) throw new Error(`${scoped!.n} clocks belong to sub-processes and cannot be keyed by case again; end those cases first`);
  await knex.schema.alterTable('clocks', (t) => {
    t.dropIndex(['case_id']);
    t.dropUnique(['scope_id', 'name']);
    t.dropForeign(['scope_id']);
    t.dropColumn('scope_id');
    t.unique(['case_id', 'name']);
  });
}
