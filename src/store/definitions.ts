import type { DbOrTx } from './db.ts';

export interface DefinitionRow {
  id: number;
  key: string;
  version: number;
  name: string | null;
  xml: string;
  hash: string;
  deployed_at: number;
  deployed_by: string | null;
}

export function latestDefinition(db: DbOrTx, key: string): Promise<DefinitionRow | undefined> {
  return db<DefinitionRow>('definitions').where({ key }).orderBy('version', 'desc').first();
}

export function definitionById(db: DbOrTx, id: number): Promise<DefinitionRow | undefined> {
  return db<DefinitionRow>('definitions').where({ id }).first();
}

export async function insertDefinition(db: DbOrTx, row: Omit<DefinitionRow, 'id'>): Promise<number> {
  const [inserted] = await db('definitions').insert(row).returning('id');
  return typeof inserted === 'object' ? (inserted as { id: number }).id : (inserted as number);
}

export function listDefinitions(db: DbOrTx): Promise<Array<Omit<DefinitionRow, 'xml'>>> {
  return db('definitions')
    .select('id', 'key', 'version', 'name', 'hash', 'deployed_at', 'deployed_by')
    .orderBy([{ column: 'key' }, { column: 'version', order: 'desc' }]);
}

/** How many instances of each version are still running: definition id → count. */
export async function runningCountsByDefinition(db: DbOrTx): Promise<Map<number, number>> {
  const rows = await db('instances').where({ status: 'running' }).groupBy('definition_id').select('definition_id').count<Array<{ definition_id: number; n: number | string }>>({ n: '*' });
  return new Map(rows.map((r) => [Number(r.definition_id), Number(r.n)]));
}

export function definitionByVersion(db: DbOrTx, key: string, version: number): Promise<DefinitionRow | undefined> {
  return db<DefinitionRow>('definitions').where({ key, version }).first();
}

/** A (key, version) or other unique index refused the insert: another deployment of the key got there first. */
/**
 * Another SQLite process wrote between this transaction's read and its write: a deferred
 * transaction cannot upgrade its WAL snapshot (SQLITE_BUSY_SNAPSHOT, not waited for by
 * busy_timeout), so the whole transaction is tried again.
 */
export function isSqliteBusy(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | null;
  return (typeof e?.code === 'string' && e.code.startsWith('SQLITE_BUSY')) || /database is locked/i.test(e?.message ?? '');
}

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | null;
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || (e?.code === 'SQLITE_CONSTRAINT' && /UNIQUE/.test(e.message ?? ''));
}
