import type { Knex } from 'knex';
import * as m001 from './001_core.ts';
import * as m002 from './002_calendar_clocks.ts';
import * as m003 from './003_personnel.ts';
import * as m004 from './004_documents.ts';
import * as m005 from './005_publications.ts';

/** Migrations are append-only: add a new file, never edit one that has landed. */
const migrations: Record<string, Knex.Migration> = {
  '001_core': m001,
  '002_calendar_clocks': m002,
  '003_personnel': m003,
  '004_documents': m004,
  '005_publications': m005,
};

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations),
  getMigrationName: (name) => name,
  getMigration: async (name) => migrations[name]!,
};
