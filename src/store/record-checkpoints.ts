import type { DbOrTx } from './db.ts';

/** A case's record head as the case registers it (its top-level instance). */
export interface CaseHeadRow {
  id: string;
  record_entries: number;
  record_head: string | null;
  record_mac: string | null;
}

export interface CheckpointRow {
  id: number;
  case_id: string;
  day: string;
  entries: number;
  head: string | null;
  mac: string;
  made_at: number;
}

export async function caseHeadOf(db: DbOrTx, caseId: string): Promise<CaseHeadRow | undefined> {
  const row: CaseHeadRow | undefined = await db('instances').where({ id: caseId }).whereNull('parent_id').first('id', 'record_entries', 'record_head', 'record_mac');
  return row && { ...row, record_entries: Number(row.record_entries) };
}

/** Cases whose head moved since their last checkpoint and that have none for this day yet. */
export async function casesDueForCheckpoint(db: DbOrTx, day: string): Promise<CaseHeadRow[]> {
  const rows: CaseHeadRow[] = await db('instances as i')
    .whereNull('i.parent_id')
    .where('i.record_entries', '>', 0)
    .whereNotExists((q) => q.select(db.raw('1')).from('record_checkpoints as c').whereRaw('c.case_id = i.id').andWhere((w) => w.where('c.day', day).orWhereRaw('c.entries = i.record_entries and c.head = i.record_head')))
    .orderBy('i.started_at')
    .select('i.id', 'i.record_entries', 'i.record_head', 'i.record_mac');
  return rows.map((r) => ({ ...r, record_entries: Number(r.record_entries) }));
}

/** False when this day's checkpoint of the case is there already (another process wrote it). */
export async function insertCheckpoint(db: DbOrTx, row: Omit<CheckpointRow, 'id'>): Promise<boolean> {
  const inserted = await db('record_checkpoints').insert(row).onConflict(['case_id', 'day']).ignore().returning('id');
  return inserted.length > 0;
}

export async function checkpointsOf(db: DbOrTx, caseId: string): Promise<CheckpointRow[]> {
  const rows: CheckpointRow[] = await db('record_checkpoints').where({ case_id: caseId }).orderBy('day');
  return rows.map((r) => ({ ...r, entries: Number(r.entries) }));
}

/** Cases whose head was never signed with the record key (written before it was configured). */
export function unsignedCases(db: DbOrTx): Promise<CaseHeadRow[]> {
  return db('instances').whereNull('parent_id').where('record_entries', '>', 0).whereNull('record_mac').orderBy('started_at').select('id', 'record_entries', 'record_head', 'record_mac');
}

export async function signCaseHead(db: DbOrTx, caseId: string, expected: { entries: number; head: string | null }, mac: string): Promise<boolean> {
  const n = await db('instances').where({ id: caseId, record_entries: expected.entries, record_head: expected.head }).whereNull('record_mac').update({ record_mac: mac });
  return n === 1;
}
