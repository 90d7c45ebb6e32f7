import type { DbOrTx } from './db.ts';
import { fromJson, toJson } from './json.ts';

export type PublicationStatus = 'published' | 'withdrawn' | 'expired';

export interface PublicationRow {
  id: number;
  case_id: string;
  instance_id: string;
  idempotency_key: string;
  kind: string;
  status: 'published' | 'withdrawn';
  party_name: string;
  decision_no: string;
  fields: string;
  serious: boolean | number;
  decision_date: number;
  published_at: number;
  publish_until: number;
  published_by: string | null;
  withdrawn_at: number | null;
  withdrawal_reason: string | null;
  withdrawal_explanation: string | null;
  withdrawn_by: string | null;
  credit_repair_no: string | null;
  credit_repair_on: number | null;
}

export interface Publication {
  id: number;
  caseId: string;
  instanceId: string;
  kind: string;
  /** `expired` once publish_until has passed (worked out when read; no job writes it). */
  status: PublicationStatus;
  partyName: string;
  decisionNo: string;
  fields: Record<string, string | number>;
  serious: boolean;
  decisionDate: number;
  publishedAt: number;
  publishUntil: number;
  publishedBy: string | null;
  withdrawnAt: number | null;
  withdrawalReason: string | null;
  withdrawalExplanation: string | null;
  withdrawnBy: string | null;
  /** A withdrawal after credit repair (信用修复): the repair decision's number and its date. */
  creditRepairNo: string | null;
  creditRepairOn: number | null;
}

export function toPublication(row: PublicationRow, now: number): Publication {
  const status: PublicationStatus = row.status === 'published' && row.publish_until <= now ? 'expired' : row.status;
  return {
    id: row.id,
    caseId: row.case_id,
    instanceId: row.instance_id,
    kind: row.kind,
    status,
    partyName: row.party_name,
    decisionNo: row.decision_no,
    fields: fromJson(row.fields, {}),
    serious: Boolean(row.serious),
    decisionDate: row.decision_date,
    publishedAt: row.published_at,
    publishUntil: row.publish_until,
    publishedBy: row.published_by,
    withdrawnAt: row.withdrawn_at,
    withdrawalReason: row.withdrawal_reason,
    withdrawalExplanation: row.withdrawal_explanation,
    withdrawnBy: row.withdrawn_by,
    creditRepairNo: row.credit_repair_no ?? null,
    creditRepairOn: row.credit_repair_on === null || row.credit_repair_on === undefined ? null : Number(row.credit_repair_on),
  };
}

export type NewPublication = Omit<PublicationRow, 'id' | 'fields' | 'status' | 'withdrawn_at' | 'withdrawal_reason' | 'withdrawal_explanation' | 'withdrawn_by' | 'credit_repair_no' | 'credit_repair_on'> & { fields: Record<string, unknown> };

/** Inserts once per idempotency key; a second call returns the first row's id. */
export async function insertPublication(db: DbOrTx, row: NewPublication): Promise<number> {
  const existing = await db<PublicationRow>('publications').where({ idempotency_key: row.idempotency_key }).first('id');
  if (existing) return existing.id;
  const [inserted] = await db('publications').insert({ ...row, fields: toJson(row.fields), status: 'published' }).returning('id');
  return typeof inserted === 'object' ? (inserted as { id: number }).id : (inserted as number);
}

export function publicationRowById(db: DbOrTx, id: number): Promise<PublicationRow | undefined> {
  return db<PublicationRow>('publications').where({ id }).first();
}

/** Marks a published item withdrawn; false when it was not published (already withdrawn, or never). */
export async function withdrawPublicationRow(db: DbOrTx, id: number, w: { at: number; reason: string; explanation: string | null; by: string | null; creditRepair?: { no: string; on: number } }): Promise<boolean> {
  const n = await db('publications').where({ id, status: 'published' }).update({
    status: 'withdrawn', withdrawn_at: w.at, withdrawal_reason: w.reason, withdrawal_explanation: w.explanation, withdrawn_by: w.by,
    credit_repair_no: w.creditRepair?.no ?? null, credit_repair_on: w.creditRepair?.on ?? null,
  });
  return n > 0;
}

export function publicationRowsOfCase(db: DbOrTx, caseId: string): Promise<PublicationRow[]> {
  return db<PublicationRow>('publications').where({ case_id: caseId }).orderBy('id');
}

export interface PublicQuery {
  now: number;
  /** Part of the party's name. */
  party?: string;
  kind?: string;
  /** Decision date range, epoch ms (from inclusive, to exclusive). */
  from?: number;
  to?: number;
  limit?: number;
  offset?: number;
}

/** What the public platform lists: items still within their publication period, published or withdrawn (as notices). */
export function publicPublicationRows(db: DbOrTx, q: PublicQuery): Promise<PublicationRow[]> {
  const query = db<PublicationRow>('publications').whereIn('status', ['published', 'withdrawn']).andWhere('publish_until', '>', q.now);
  // LOWER on both sides: SQLite's LIKE ignores the case of Latin letters, PostgreSQL's does not.
  if (q.party) query.andWhereRaw("LOWER(party_name) LIKE LOWER(?) ESCAPE '\\'", [`%${q.party.replace(/[\\%_]/g, (c) => `\\${c}`)}%`]);
  if (q.kind) query.andWhere('kind', q.kind);
  if (q.from !== undefined) query.andWhere('decision_date', '>=', q.from);
  if (q.to !== undefined) query.andWhere('decision_date', '<', q.to);
  return query.orderBy([{ column: 'decision_date', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(q.limit ?? 50).offset(q.offset ?? 0);
}
