import fs from 'node:fs';
import type { Clock } from '../clock.ts';
import { badRequest } from '../errors.ts';
import type { Db, DbOrTx } from '../store/db.ts';
import { insertReviewCatalog, latestReviewCatalog, listReviewCatalogs } from '../store/review-catalogs.ts';
import { CatalogError, loadCatalog, parseCatalog, type Catalog } from './review-catalog.ts';

export interface CatalogInForce {
  catalog: Catalog;
  /** The JSON text as saved (or as in the file), for editing. */
  text: string;
  /** The stored revision, null while the file's catalog is in force. */
  revision: number | null;
  savedAt: number | null;
  savedBy: string | null;
}

/**
 * The legal-review catalog in force: the newest revision saved by an administrator, else the file
 * read at start. It is read from the database each time it is asked (one small query per
 * reviewCatalog call, inside the case's transaction), so every server process answers with the
 * same catalog the moment a new revision commits, without a cache to keep in step.
 */
export class ReviewCatalogs {
  constructor(
    private readonly db: Db,
    private readonly file: { catalog: Catalog; text: string; source: string },
    private readonly clock: Clock,
  ) {}

  static fromFile(db: Db, file: string, clock: Clock): ReviewCatalogs {
    const catalog = loadCatalog(file);
    return new ReviewCatalogs(db, { catalog, text: fs.readFileSync(file, 'utf8'), source: file }, clock);
  }

  async inForce(db: DbOrTx = this.db): Promise<CatalogInForce> {
    const row = await latestReviewCatalog(db);
    if (!row) return { catalog: this.file.catalog, text: this.file.text, revision: null, savedAt: null, savedBy: null };
    // Checked when saved; parsed again so a hand-edited row fails loudly, naming its revision.
    return { catalog: parseCatalog(row.content, `修订 ${row.id}`), text: row.content, revision: row.id, savedAt: Number(row.saved_at), savedBy: row.saved_by };
  }

  async current(db: DbOrTx = this.db): Promise<Catalog> {
    return (await this.inForce(db)).catalog;
  }

  history() {
    return listReviewCatalogs(this.db);
  }

  /** Checks and stores an edited catalog as a new revision; refused input stores nothing. */
  async save(text: unknown, savedBy: string): Promise<{ revision: number | null; version: string; created: boolean }> {
    if (typeof text !== 'string' || !text.trim()) throw badRequest('目录内容为空：请粘贴完整的 JSON 目录');
    let catalog: Catalog;
    try {
      catalog = parseCatalog(text, '提交的目录');
    } catch (err) {
      if (err instanceof CatalogError) throw badRequest(err.message);
      throw err;
    }
    return this.db.transaction(async (tx) => {
      const current = await this.inForce(tx);
      if (JSON.stringify(catalog) === JSON.stringify(current.catalog)) return { revision: current.revision, version: catalog.version, created: false };
      if (catalog.version === current.catalog.version) {
        throw badRequest(`目录内容已改变，请同时修改 "version"（现为「${catalog.version}」）：每个案件以版本号记录其所依据的目录`);
      }
      const revision = await insertReviewCatalog(tx, { version: catalog.version, content: text.trim(), saved_at: this.clock.now().getTime(), saved_by: savedBy });
      return { revision, version: catalog.version, created: true };
    });
  }
}
