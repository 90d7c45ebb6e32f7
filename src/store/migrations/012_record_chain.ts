import type { Knex } from 'knex';
import { entryHash } from '../../record/canonical.ts';

// The record becomes a hash chain per case: each row gets its case, its number in the case, the
// client address of the command, the hash of the row before it and its own hash. Rows already
// there are chained in the order they were written.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('history', (t) => {
    t.string('case_id', 36);
    t.integer('seq');
    t.string('address', 100);
    t.string('prev_hash', 64);
    t.string('hash', 64);
  });
  const rows: Array<{ id: number; instance_id: string; root_id: string | null; at: number; actor: string | null; kind: string; element_id: string | null; data: string | null }> = await knex('history')
    .leftJoin('instances', 'instances.id', 'history.instance_id')
    .orderBy('history.id')
    .select('history.id', 'history.instance_id', 'instances.root_id', 'history.at', 'history.actor', 'history.kind', 'history.element_id', 'history.data');
  const heads = new Map<string, { seq: number; hash: string | null }>();
  for (const r of rows) {
    const caseId = r.root_id ?? r.instance_id;
    const head = heads.get(caseId) ?? { seq: 0, hash: null };
    const entry = { caseId, seq: head.seq + 1, instanceId: r.instance_id, at: Number(r.at), actor: r.actor, address: null, kind: r.kind, elementId: r.element_id, data: r.data ? JSON.parse(r.data) : null, prevHash: head.hash };
    const hash = entryHash(entry);
    await knex('history').where({ id: r.id }).update({ case_id: caseId, seq: entry.seq, prev_hash: head.hash, hash });
    heads.set(caseId, { seq: entry.seq, hash });
  }
  await knex.schema.alterTable('history', (t) => {
    t.unique(['case_id', 'seq']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('history', (t) => {
    t.dropUnique(['case_id', 'seq']);
    t.dropColumn('hash');
    t.dropColumn('prev_hash');
    t.dropColumn('address');
    t.dropColumn('seq');
    t.dropColumn('case_id');
  });
}
