import type { Knex } from 'knex';
import * as m001 from './001_core.ts';
import * as m002 from './002_calendar_clocks.ts';
import * as m003 from './003_personnel.ts';
import * as m004 from './004_documents.ts';
import * as m005 from './005_publications.ts';
import * as m006 from './006_clock_scopes.ts';
import * as m007 from './007_clock_start_time.ts';
import * as m008 from './008_login_failures.ts';
import * as m009 from './009_review_catalogs.ts';
import * as m010 from './010_evidence.ts';
import * as m011 from './011_notifications.ts';
import * as m012 from './012_record_chain.ts';
import * as m013 from './013_evidence_annotation.ts';
import * as m014 from './014_record_guards.ts';
import * as m015 from './015_group_scope.ts';
import * as m016 from './016_user_changes.ts';
import * as m017 from './017_record_anchors.ts';
import * as m018 from './018_seeded_passwords.ts';
import * as m019 from './019_publication_corrections.ts';
import * as m020 from './020_task_drafts.ts';
import * as m021 from './021_case_numbers_parties.ts';
import * as m022 from './022_task_handover.ts';

/** Migrations are append-only: add a new file, never edit one that has landed. */
const migrations: Record<string, Knex.Migration> = {
  '001_core': m001,
  '002_calendar_clocks': m002,
  '003_personnel': m003,
  '004_documents': m004,
  '005_publications': m005,
  '006_clock_scopes': m006,
  '007_clock_start_time': m007,
  '008_login_failures': m008,
  '009_review_catalogs': m009,
  '010_evidence': m010,
  '011_notifications': m011,
  '012_record_chain': m012,
  '013_evidence_annotation': m013,
  '014_record_guards': m014,
  '015_group_scope': m015,
  '016_user_changes': m016,
  '017_record_anchors': m017,
  '018_seeded_passwords': m018,
  '019_publication_corrections': m019,
  '020_task_drafts': m020,
  '021_case_numbers_parties': m021,
  '022_task_handover': m022,
};

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations),
  getMigrationName: (name) => name,
  getMigration: async (name) => migrations[name]!,
};
