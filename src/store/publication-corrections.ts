import type { DbOrTx } from './db.ts';
import { toJson } from './json.ts';

export interface CorrectionRow {
  id: number;
  publication_id: number;
  idempotency_key: string;
  field: string;
  old_value: string;
  new_value: string;
  explanation: string;
  corrected_at: number;
  corrected_by: string | null;
  instance_id: string;
}

export interface Correction {
  field: string;
  oldValue: string;
  newValue: string;
  explanation: string;
  correctedAt: number;
  correctedBy: string | null;
}

export type NewCorrection = Omit<CorrectionRow, 'id'>;

/**
 * Records one corrected field and writes the new value into the published item, once per
 * idempotency key (a re-run of the service changes nothing). `partyName`/`decisionNo` keep the
 * columns the public search reads in step with the fields.
 */
export async function correctPublicationField(db: DbOrTx, c: NewCorrection, fields: Record<string, unknown>, columns: { party_name?: string; decision_no?: string }): Promise<boolean> {
  if (await db('publication_corrections').where({ idempotency_key: c.idempotency_key }).first('id')) return false;
  await db('publication_corrections').insert(c);
  await db('publications').where({ id: c.publication_id }).update({ fields: toJson(fields), ...columns });
  return true;
}

/** The corrections of these items, oldest first, by item. */
export async function correctionsOf(db: DbOrTx, publicationIds: readonly number[]): Promise<Map<number, Correction[]>> {
  const out = new Map<number, Correction[]>();
  if (!publicationIds.length) return out;
  const rows: CorrectionRow[] = await db('publication_corrections').whereIn('publication_id', publicationIds).orderBy('id');
  for (const r of rows) {
    const list = out.get(r.publication_id) ?? [];
    list.push({ field: r.field, oldValue: r.old_value, newValue: r.new_value, explanation: r.explanation, correctedAt: Number(r.corrected_at), correctedBy: r.corrected_by });
    out.set(r.publication_id, list);
  }
  return out;
}
