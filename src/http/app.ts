import express, { type Express } from 'express';
import type { Accounts } from '../auth/accounts.ts';
import type { WorkCalendar } from '../calendar/index.ts';
import { isManualClock, type Clock } from '../clock.ts';
import type { PeriodResolver } from '../engine/periods.ts';
import type { FireResult } from '../scheduler/fire-due-timers.ts';
import type { Db } from '../store/db.ts';
import type { FormRegistry } from '../domain/forms.ts';
import type { Agency } from '../domain/publication/agency.ts';
import type { EvidenceFiles } from '../evidence/file-store.ts';
import type { ReviewCatalogs } from '../domain/review-catalogs.ts';
import type { PublishedViolations } from '../domain/violation-view.ts';
import type { PublishedDiscretion } from '../domain/discretion-view.ts';
import type { CalendarAdmin } from '../workflow/calendar-admin.ts';
import type { Workflow } from '../workflow/workflow.ts';
import { authRoutes } from './api/auth.ts';
import { calendarRoutes } from './api/calendar.ts';
import { definitionRoutes } from './api/definitions.ts';
import { evidenceRoutes } from './api/evidence.ts';
import { recordRoutes } from './api/record.ts';
import { statisticsRoutes } from './api/statistics.ts';
import { devClockRoutes } from './api/dev-clock.ts';
import { healthRoutes } from './api/health.ts';
import { instanceRoutes } from './api/instances.ts';
import { messageRoutes } from './api/messages.ts';
import { publicationRoutes, publicPublicationRoutes } from './api/publications.ts';
import { taskRoutes } from './api/tasks.ts';
import { handoverRoutes } from './api/handover.ts';
import { partyRoutes } from './api/parties.ts';
import { violationRoutes } from './api/violations.ts';
import { discretionRoutes } from './api/discretion.ts';
import type { PartyRegister } from '../workflow/party-register.ts';
import { bearerAuth } from './authenticate.ts';
import { bodyRules, urlRules, verifyUtf8 } from './input-rules.ts';
import { DEFAULT_JSON_LIMITS } from '../domain/json-limits.ts';
import { notFoundHandler, problemHandler } from './problem.ts';
import { webApp } from './web/index.ts';
import type { Views } from './web/shared/views.ts';

export interface AppDeps {
  db: Db;
  clock: Clock;
  periods: PeriodResolver;
  accounts: Accounts;
  workflow: Workflow;
  calendar: WorkCalendar;
  calendarAdmin: CalendarAdmin;
  reviewCatalogs: ReviewCatalogs;
  tick: () => Promise<FireResult>;
  bodyLimit: string;
  forms: FormRegistry;
  evidenceFiles: EvidenceFiles;
  views: Views;
  /** The party register (parties entered once, linked to their cases). */
  parties: PartyRegister;
  /** The publishing agency (documents/kinds.json): the publication review's page shows the fields as published. */
  agency: Agency;
  /** The violation library as published (rules/violations/), with its consequences computed. */
  violations: PublishedViolations;
  /** The discretion benchmark as published (rules/discretion/). */
  discretion: PublishedDiscretion;
  production: boolean;
  tokenTtlSeconds: number;
  log: (msg: string, err?: unknown) => void;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use((_req, res, next) => {
    // Every answer, downloads included: a browser never guesses a type other than the one sent.
    res.set('X-Content-Type-Options', 'nosniff');
    next();
  });

  const api = express.Router();
  api.use(urlRules);
  api.use(healthRoutes(deps.db));
  api.use(publicPublicationRoutes(deps.db, deps.clock)); // the public platform: no token
  api.use(violationRoutes(deps.violations)); // published on /public: no token
  api.use(discretionRoutes(deps.discretion)); // published on /public: no token
  api.use(express.json({ limit: deps.bodyLimit, type: ['application/json', 'application/*+json'], verify: verifyUtf8 }));
  api.use(bodyRules(DEFAULT_JSON_LIMITS));
  api.use(authRoutes(deps.accounts));
  api.use(bearerAuth(deps.accounts));
  api.use(definitionRoutes(deps.workflow.definitions, deps.bodyLimit));
  api.use(instanceRoutes(deps.workflow));
  api.use(publicationRoutes(deps.db, deps.clock));
  api.use(taskRoutes(deps.workflow));
  api.use(handoverRoutes(deps.workflow, deps.clock));
  api.use(partyRoutes(deps.parties, deps.workflow));
  api.use(evidenceRoutes(deps));
  api.use(recordRoutes(deps));
  api.use(statisticsRoutes(deps));
  api.use(messageRoutes(deps.workflow));
  api.use(calendarRoutes(deps.calendarAdmin, deps.calendar));
  if (isManualClock(deps.clock)) api.use(devClockRoutes(deps.clock, deps.periods, deps.tick));
  api.use(notFoundHandler);

  app.use('/api', api);
  app.use(problemHandler(deps.log));
  app.use(webApp(deps));
  return app;
}
