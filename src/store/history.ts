import type { DbOrTx } from './db.ts';
import { fromJson, toJson } from './json.ts';

export interface HistoryEntry {
  id: number;
  instanceId: string;
  at: number;
  actor: string | null;
  kind: string;
  elementId: string | null;
  data: unknown;
}

export async function appendHistory(
  db: DbOrTx,
  entries: Array<{ instanceId: string; at: number; actor: string | null; kind: string; elementId?: string | null; data?: unknown }>,
): Promise<void> {
  if (!entries.length) return;
  await db('history').insert(
    entries.map((e) => ({ instance_id: e.instanceId, at: e.at, actor: e.actor, kind: e.kind, element_id: e.elementId ?? null, data: e.data === undefined ? null : toJson(e.data) })),
  );
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
