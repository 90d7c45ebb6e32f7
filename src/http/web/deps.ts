import type { PartyRegister } from '../../workflow/party-register.ts';
import type { Accounts } from '../../auth/accounts.ts';
import type { WorkCalendar } from '../../calendar/index.ts';
import type { Clock } from '../../clock.ts';
import type { FormRegistry } from '../../domain/forms.ts';
import type { Agency } from '../../domain/publication/agency.ts';
import type { EvidenceFiles } from '../../evidence/file-store.ts';
import type { ReviewCatalogs } from '../../domain/review-catalogs.ts';
import type { PublishedViolations } from '../../domain/violation-view.ts';
import type { PublishedDiscretion } from '../../domain/discretion-view.ts';
import type { CalendarAdmin } from '../../workflow/calendar-admin.ts';
import type { Workflow } from '../../workflow/workflow.ts';
import type { Views } from './shared/views.ts';

/** What every page module may use: the workflow and domain services, never the store. */
export interface WebDeps {
  accounts: Accounts;
  workflow: Workflow;
  forms: FormRegistry;
  evidenceFiles: EvidenceFiles;
  calendar: WorkCalendar;
  calendarAdmin: CalendarAdmin;
  reviewCatalogs: ReviewCatalogs;
  clock: Clock;
  views: Views;
  /** The party register: the start form's picker, the party page. */
  parties: PartyRegister;
  agency: Agency;
  /** The violation library as published on /public/violations. */
  violations: PublishedViolations;
  /** The discretion benchmark as published on /public/discretion. */
  discretion: PublishedDiscretion;
  production: boolean;
  tokenTtlSeconds: number;
  bodyLimit: string;
  log: (msg: string, err?: unknown) => void;
}
