import { isPostgres, type DbOrTx } from './db.ts';
import { entryHash } from '../record/canonical.ts';
import { rootIdOf } from './instances.ts';
import { fromJson, toJson } from './json.ts';
import { headMac } from '../record/anchor.ts';
import { addressOf, recordKeyOf } from './record-context.ts';

export interface HistoryEntry {
  id: number;
  instanceId: string;
  at: number;
  actor: string | null;
  kind: string;
  elementId: string | null;
  data: unknown;
}

/** A row of the record as stored, with its place in the case's hash chain. */
export interface RecordRow {
  id: number;
  case_id: string | null;
  seq: number | null;
  instance_id: string;
  at: number;
  actor: string | null;
  address: string | null;
  kind: string;
  element_id: string | null;
  data: string | null;
  prev_hash: string | null;
  hash: string | null;
}

export interface NewHistoryEntry {
  instanceId: string;
  at: number;
  actor: string | null;
  kind: string;
  elementId?: string | null;
  data?: unknown;
  /** The client address; by default the one bound to the transaction. */
  address?: string | null;
}

/**
 * The only writer of the record. Each entry takes the next number of its case and the hash of
 * the entry before it; the case lock (taken here too, a no-op when the command holds it already)
 * keeps two commands of one case from numbering the same place. The case keeps its entry count
 * and head hash (signed with the record key when there is one), in the same transaction, so that
 * a record emptied or cut short shows against its case.
 */
export async function appendHistory(db: DbOrTx, entries: NewHistoryEntry[]): Promise<void> {
  const heads = new Map<string, { seq: number; hash: string | null }>();
  const caseOf = new Map<string, string>();
  for (const e of entries) {
    let caseId = caseOf.get(e.instanceId);
    if (!caseId) {
      caseId = (await rootIdOf(db, e.instanceId)) ?? e.instanceId;
      caseOf.set(e.instanceId, caseId);
    }
    let head = heads.get(caseId);
    if (!head) head = await lockedHeadOf(db, caseId);
    const data = e.data === undefined ? null : toJson(e.data);
    const entry = { caseId, seq: head.seq + 1, instanceId: e.instanceId, at: e.at, actor: e.actor, address: e.address ?? addressOf(db), kind: e.kind, elementId: e.elementId ?? null, data: fromJson(data, null), prevHash: head.hash };
    const hash = entryHash(entry);
    await db('history').insert({ case_id: caseId, seq: entry.seq, instance_id: e.instanceId, at: e.at, actor: e.actor, address: entry.address, kind: e.kind, element_id: entry.elementId, data, prev_hash: head.hash, hash });
    heads.set(caseId, { seq: entry.seq, hash });
  }
  const key = recordKeyOf(db);
  for (const [caseId, head] of heads) {
    const mac = key ? headMac(key, { caseId, entries: head.seq, head: head.hash }) : null;
    await db('instances').where({ id: caseId }).update({ record_entries: head.seq, record_head: head.hash, record_mac: mac });
  }
}

/**
 * The head the case has registered, not the newest row found: after rows were removed behind the
 * application's back the next entry still follows the registered head, so the gap shows.
 */
async function lockedHeadOf(db: DbOrTx, caseId: string): Promise<{ seq: number; hash: string | null }> {
  const q = db('instances').where({ id: caseId }).first('record_entries', 'record_head');
  const row: { record_entries: number; record_head: string | null } | undefined = await (isPostgres(db) ? q.forUpdate() : q);
  return row ? { seq: Number(row.record_entries), hash: row.record_head } : headOf(db, caseId);
}

async function headOf(db: DbOrTx, caseId: string): Promise<{ seq: number; hash: string | null }> {
  const row: { seq: number; hash: string | null } | undefined = await db('history').where({ case_id: caseId }).orderBy('seq', 'desc').first('seq', 'hash');
  return row ? { seq: Number(row.seq), hash: row.hash } : { seq: 0, hash: null };
}

/** The record of a case in chain order, as stored. */
export function recordOfCase(db: DbOrTx, caseId: string): Promise<RecordRow[]> {
  return db<RecordRow>('history').where({ case_id: caseId }).orderBy('seq').orderBy('id');
}

export async function historyOf(db: DbOrTx, instanceId: string): Promise<HistoryEntry[]> {
  const rows = await db('history').where({ instance_id: instanceId }).orderBy('id');
  return rows.map((r: { id: number; instance_id: string; at: number; actor: string | null; kind: string; element_id: string | null; data: string | null }) => ({
    id: r.id,
    instanceId: r.instance_id,
    at: r.at,
    actor: r.actor,
    kind: r.kind,
    elementId: r.element_id,
    data: fromJson(r.data, null),
  }));
}

/** The variables an instance was started with, as recorded when it started. */
export async function startVariablesOf(db: DbOrTx, instanceId: string): Promise<Record<string, unknown>> {
  const row: { data: string | null } | undefined = await db('history').where({ instance_id: instanceId, kind: 'instance.started' }).orderBy('id').first('data');
  return fromJson<{ variables?: Record<string, unknown> }>(row?.data ?? null, {}).variables ?? {};
}
