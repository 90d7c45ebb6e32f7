import type { DbOrTx } from './db.ts';

export interface ReviewCatalogRow {
  id: number;
  version: string;
  content: string;
  saved_at: number;
  saved_by: string;
}

export function latestReviewCatalog(db: DbOrTx): Promise<ReviewCatalogRow | undefined> {
  return db<ReviewCatalogRow>('review_catalogs').orderBy('id', 'desc').first();
}

export async function insertReviewCatalog(db: DbOrTx, row: Omit<ReviewCatalogRow, 'id'>): Promise<number> {
  const [inserted] = await db('review_catalogs').insert(row).returning('id');
  return typeof inserted === 'object' ? (inserted as { id: number }).id : (inserted as number);
}

/** Every saved revision, newest first, without its content. */
export function listReviewCatalogs(db: DbOrTx): Promise<Array<Omit<ReviewCatalogRow, 'content'>>> {
  return db('review_catalogs').select('id', 'version', 'saved_at', 'saved_by').orderBy('id', 'desc');
}
