import type { DbOrTx } from './db.ts';
import { isPostgres } from './db.ts';

export interface DocumentRow {
  id: number;
  case_id: string;
  instance_id: string;
  kind: string;
  number: string | null;
  title: string;
  html: string;
  created_at: number;
  created_by: string | null;
}

/** The next number of a sequence, taken under a row lock so two cases never share one. */
export async function nextDocumentNumber(db: DbOrTx, prefix: string, year: number): Promise<number> {
  await db('document_sequences').insert({ prefix, year, last_no: 0 }).onConflict(['prefix', 'year']).ignore();
  const q = db('document_sequences').where({ prefix, year }).first('last_no');
  const row = (await (isPostgres(db) ? q.forUpdate() : q)) as { last_no: number };
  const next = row.last_no + 1;
  await db('document_sequences').where({ prefix, year }).update({ last_no: next });
  return next;
}

export async function insertDocument(db: DbOrTx, row: Omit<DocumentRow, 'id'>): Promise<number> {
  const [inserted] = await db('documents').insert(row).returning('id');
  return typeof inserted === 'object' ? (inserted as { id: number }).id : (inserted as number);
}

export function documentsOfCase(db: DbOrTx, caseId: string): Promise<Array<Omit<DocumentRow, 'html'>>> {
  return db('documents').where({ case_id: caseId }).orderBy('id').select('id', 'case_id', 'instance_id', 'kind', 'number', 'title', 'created_at', 'created_by');
}

export function documentById(db: DbOrTx, id: number): Promise<DocumentRow | undefined> {
  return db<DocumentRow>('documents').where({ id }).first();
}

/** The latest document of a kind issued in a case (a case's decision is issued once; a remade one is newer). */
export function latestDocumentOfKind(db: DbOrTx, caseId: string, kind: string): Promise<DocumentRow | undefined> {
  return db<DocumentRow>('documents').where({ case_id: caseId, kind }).orderBy('id', 'desc').first();
}

/** Every document of a case with its rendered text, for verification and the case file. */
export function documentsWithHtmlOfCase(db: DbOrTx, caseId: string): Promise<DocumentRow[]> {
  return db<DocumentRow>('documents').where({ case_id: caseId }).orderBy('id');
}
