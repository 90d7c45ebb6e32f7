import type { Knex } from 'knex';

// A case's 立案编号 (taken from the document number sequences, so one counter per agency, kind and
// year serves both) and the party register: a party entered once, linked to every case it is in.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('instances', (t) => {
    t.string('case_no', 100);
    t.unique(['case_no']);
  });
  await knex.schema.createTable('parties', (t) => {
    t.increments('id').primary();
    /** 'person' (自然人) or 'organisation' (法人及非法人组织, 个体工商户). */
    t.string('kind', 20).notNullable();
    /** As the forms name it: 自然人, 法人及非法人组织, 个体工商户. */
    t.string('party_type', 50).notNullable();
    t.string('name', 200).notNullable();
    t.string('credit_code', 18);
    t.string('id_number', 18);
    t.string('address', 300);
    t.string('legal_representative', 100);
    t.string('contact', 200);
    t.bigInteger('created_at').notNullable();
    t.string('created_by', 100);
    t.unique(['credit_code']);
    t.unique(['id_number']);
    t.index(['name']);
  });
  await knex.schema.createTable('case_parties', (t) => {
    t.string('case_id', 36).notNullable().references('instances.id');
    t.integer('party_id').notNullable().references('parties.id');
    /** 当事人, 申请人 … */
    t.string('role', 50).notNullable();
    t.primary(['case_id', 'party_id', 'role']);
    t.index(['party_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('case_parties');
  await knex.schema.dropTableIfExists('parties');
  await knex.schema.alterTable('instances', (t) => {
    t.dropUnique(['case_no']);
    t.dropColumn('case_no');
  });
}
