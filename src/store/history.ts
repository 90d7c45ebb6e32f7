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
  const key = recordKeyOf(db);
  const heads = new Map<string, Head>();
  const caseOf = new Map<string, string>();
  for (const e of entries) {
    let caseId = caseOf.get(e.instanceId);
    if (!caseId) {
      caseId = (await rootIdOf(db, e.instanceId)) ?? e.instanceId;
      caseOf.set(e.instanceId, caseId);
    }
    let head = heads.get(caseId);
    if (!head) head = await lockedHeadOf(db, caseId, key);
    const data = e.data === undefined ? null : toJson(e.data);
    const entry = { caseId, seq: head.seq + 1, instanceId: e.instanceId, at: e.at, actor: e.actor, address: e.address ?? addressOf(db), kind: e.kind, elementId: e.elementId ?? null, data: fromJson(data, null), prevHash: head.hash };
    const hash = entryHash(entry);
    await db('history').insert({ case_id: caseId, seq: entry.seq, instance_id: e.instanceId, at: e.at, actor: e.actor, address: entry.address, kind: e.kind, element_id: entry.elementId, data, prev_hash: head.hash, hash });
    heads.set(caseId, { ...head, seq: entry.seq, hash });
  }
  for (const [caseId, head] of heads) {
    // Only a head that was signed is signed again: extending a rewritten head must not launder it.
    const mac = !key ? null : head.signed ? headMac(key, { caseId, entries: head.seq, head: head.hash }) : head.mac;
    await db('instances').where({ id: caseId }).update({ record_entries: head.seq, record_head: head.hash, record_mac: mac });
  }
}

interface Head {
  seq: number;
  hash: string | null;
  /** The registered head's HMAC, and whether it is right under the current key (an empty record counts as signed). */
  mac: string | null;
  signed: boolean;
}

/**
 * The head the case has registered, not the newest row found: after rows were removed behind the
 * application's back the next entry still follows the registered head, so the gap shows.
 */
async function lockedHeadOf(db: DbOrTx, caseId: string, key: string | null): Promise<Head> {
  const q = db('instances').where({ id: caseId }).first('record_entries', 'record_head', 'record_mac');
  const row: { record_entries: number; record_head: string | null; record_mac: string | null } | undefined = await (isPostgres(db) ? q.forUpdate() : q);
  if (!row) return { ...(await headOf(db, caseId)), mac: null, signed: false };
  const seq = Number(row.record_entries);
  const empty = seq === 0 && row.record_head === null && row.record_mac === null;
  const signed = key !== null && (empty || row.record_mac === headMac(key, { caseId, entries: seq, head: row.record_head }));
  return { seq, hash: row.record_head, mac: row.record_mac, signed };
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

/**
 * Every case the database knows of, by any trace: its top-level instance, its record, its
 * checkpoints. A case deleted whole (instance and all) still shows through what remains of it.
 */
export async function everyRecordedCase(db: DbOrTx): Promise<string[]> {
  const rows: Array<{ id: string }> = await db
    .select('id').from('instances').whereNull('parent_id')
    .union((q) => q.distinct('case_id as id').from('history'))
    .union((q) => q.distinct('case_id as id').from('record_checkpoints'));
  return rows.map((r) => r.id).sort();
}
