import type { Server } from 'node:http';
import path from 'node:path';
import type { Express } from 'express';
import { Accounts, Roles } from './auth/accounts.ts';
import { loadCalendarDir, startOfShanghaiDay, WorkCalendar } from './calendar/index.ts';
import { ManualClock, SystemClock, type Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { PeriodResolver } from './engine/periods.ts';
import { ProcessEngine } from './engine/runner.ts';
import { ServiceRegistry } from './engine/services.ts';
import { demoUsers } from './domain/demo-agency.ts';
import { DocumentTemplates, registerDocumentService } from './domain/documents.ts';
import { PartyRegister } from './workflow/party-register.ts';
import { CASE_NUMBER_RULES, CaseNumbers, loadCaseNumberRules, registerCaseNumberService } from './domain/case-numbers.ts';
import { clockCatalog } from './domain/clock-catalog.ts';
import { registerClockExtensionServices } from './domain/clock-extensions.ts';
import { registerEnforcementServices } from './domain/enforcement-services.ts';
import { registerPaymentServices } from './domain/payment-services.ts';
import { loadHearingRightRules, registerHearingRightService } from './domain/penalty/hearing-right.ts';
import { violationLibrary } from './domain/violation-library.ts';
import { PublishedViolations } from './domain/violation-view.ts';
import { DISCRETION_DIR, discretionBenchmark, loadDiscretionBenchmark } from './domain/discretion.ts';
import { PublishedDiscretion } from './domain/discretion-view.ts';
import { registerNoticeServices } from './domain/penalty/notice-service.ts';
import { readAgency } from './domain/publication/agency.ts';
import { readDecisionDocuments } from './domain/publication/decision-documents.ts';
import { registerPublicationServices } from './domain/publication/services.ts';
import { ReviewCatalogs } from './domain/review-catalogs.ts';
import { FormRegistry } from './domain/forms.ts';
import { createMessageCheck } from './domain/message-check.ts';
import { ProtectedVariables } from './domain/protected-variables.ts';
import { createStartCheck, startFormKey } from './domain/start-check.ts';
import { createSubmissionCheck } from './domain/submission-check.ts';
import { withAudioVideoGate } from './domain/av-gate.ts';
import { loadAvRecordingMatters } from './domain/public-lists.ts';
import { createApp } from './http/app.ts';
import { calendarInput } from './workflow/calendar-input.ts';
import { DEFAULT_JSON_LIMITS } from './domain/json-limits.ts';
import { loadLimitationPeriod } from './domain/filing-check.ts';
import { Views } from './http/web/shared/views.ts';
import { EvidenceFiles } from './evidence/file-store.ts';
import { Notifications } from './notifications/notifications.ts';
import { setAgencyWideGroups } from './store/users.ts';
import { startTicker, type Ticker } from './scheduler/cron.ts';
import { fireDueTimers, type FireResult } from './scheduler/fire-due-timers.ts';
import { createDb, migrate, type Db } from './store/db.ts';
import { migrateAsOwner } from './store/app-role.ts';
import { bindRecordKey } from './store/record-context.ts';
import { checkpointRecords, type CheckpointResult } from './record/checkpoint.ts';
import { CalendarAdmin, type RecomputeDeadlines } from './workflow/calendar-admin.ts';
import { CaseClocks } from './workflow/case-clocks.ts';
import { loadClockRollOver } from './workflow/clock-roll-over.ts';
import { registerClockServices } from './workflow/clock-services.ts';
import { registerRecordTimeService } from './workflow/record-time-service.ts';
import { Definitions } from './workflow/definitions.ts';
import { InstanceRunner } from './workflow/instance-runner.ts';
import { Workflow } from './workflow/workflow.ts';

export interface ZhifaOptions {
  config: Config;
  clock?: Clock;
  services?: ServiceRegistry;
  /** PostgreSQL schema (tests give each file its own). */
  schema?: string;
  bcryptRounds?: number;
  log?: (msg: string, err?: unknown) => void;
}

export interface Zhifa {
  config: Config;
  db: Db;
  clock: Clock;
  calendar: WorkCalendar;
  forms: FormRegistry;
  /** Year arrangements and closures loaded by administrators (stored, shared by every process). */
  calendarAdmin: CalendarAdmin;
  services: ServiceRegistry;
  workflow: Workflow;
  accounts: Accounts;
  app: Express;
  /** Reminders, escalations and the daily digest, and the outbox they leave through. */
  notifications: Notifications;
  /** Write today's checkpoint of every case whose record head moved (what the daily job does). */
  checkpoint(): Promise<CheckpointResult>;
  /** Fire every timer due now (what each scheduler tick does). */
  tick(): Promise<FireResult>;
  startScheduler(): void;
  listen(port?: number): Promise<{ server: Server; port: number }>;
  close(): Promise<void>;
}

/** The composition root: everything the server is made of, wired once. */
export async function createZhifa(options: ZhifaOptions): Promise<Zhifa> {
  const { config } = options;
  const log = options.log ?? ((msg: string, err?: unknown) => console.error(`[zhifa] ${msg}`, err ?? ''));
  const clock = options.clock ?? (config.clock === 'manual' ? new ManualClock() : new SystemClock());
  const db = createDb(config.database, { schema: options.schema });
  bindRecordKey(db, config.recordKey);
  if (config.databaseMigrate) await migrateAsOwner(config.databaseMigrate, db, options.schema);
  else await migrate(db);
  if (!config.recordKey) log('no ZHIFA_RECORD_KEY: record heads are not signed and no checkpoints are written; verification says it cannot check the anchors');

  const calendar = new WorkCalendar();
  loadCalendarDir(config.calendarsDir, calendar);
  // Everything due from the changed year on may move; bound late because the workflow needs the calendar first.
  const recomputeDeadlines: RecomputeDeadlines = (year) => workflow.recomputeDeadlines(startOfShanghaiDay(`${year}-01-01`).getTime(), `${year} 年工作日历变更`);
  const calendarAdmin = new CalendarAdmin(db, calendar, clock, recomputeDeadlines);
  await calendarAdmin.load(); // after the files: stored arrangements are the newer word
  const periods: PeriodResolver = {
    resolve(from, period) {
      const due = calendarInput(() => calendar.addPeriod(from, period));
      return { dueAt: due.dueAt, provisional: due.provisional };
    },
  };
  const services = options.services ?? new ServiceRegistry();
  const caseClocks = new CaseClocks(calendar, clock, loadClockRollOver(path.resolve(import.meta.dirname, '../rules/clock-roll-over.json')));
  registerClockServices(services, caseClocks);
  registerRecordTimeService(services, clock);
  const reviewCatalogs = ReviewCatalogs.fromFile(db, config.reviewCatalogFile, clock);
  registerEnforcementServices(services, reviewCatalogs);
  registerPaymentServices(services, calendar, clock);
  const hearingRules = loadHearingRightRules(path.resolve(import.meta.dirname, '../rules/hearing-right.json'));
  registerHearingRightService(services, hearingRules);
  // The violation library (rules/violations/): one that cannot load stops the server here.
  const violations = new PublishedViolations(violationLibrary(), hearingRules, reviewCatalogs);
  // The discretion benchmark (rules/discretion/), checked against the library: one that cannot load stops the server here.
  const benchmark = config.discretionDir === DISCRETION_DIR ? discretionBenchmark() : loadDiscretionBenchmark(config.discretionDir, violationLibrary());
  const discretion = new PublishedDiscretion(benchmark, violationLibrary(), clock);
  registerNoticeServices(services, clock);
  registerClockExtensionServices(services, caseClocks);
  const documents = new DocumentTemplates(config.documentsDir, clock);
  registerDocumentService(services, documents);
  const documentCodes = Object.values(documents.kinds.kinds).flatMap((k) => (k.number ? [k.number] : []));
  registerCaseNumberService(services, new CaseNumbers(loadCaseNumberRules(CASE_NUMBER_RULES, documentCodes), documents.kinds.agency.numberPrefix, clock));
  const agency = readAgency(config.documentsDir);
  registerPublicationServices(services, { clock, agency, decisionDocuments: readDecisionDocuments(config.documentsDir) });
  const trusted = new Set(config.engine.trustedScripts);
  const engine = new ProcessEngine({ clock, periods, services, limits: config.engine.limits, trustedScript: (hash) => trusted.has(hash) });
  const forms = new FormRegistry();
  forms.loadDirectory(config.formsDir);
  const clocks = clockCatalog(); // a catalog that cannot load stops the server here
  const definitions = new Definitions(db, engine, clock, (key) => forms.get(key) !== undefined, (name) => clocks.has(name));
  const runner = new InstanceRunner(engine, definitions, caseClocks, periods, clock);
  const avMatters = loadAvRecordingMatters(path.resolve(import.meta.dirname, '../rules/av-recording-matters.json'));
  const protectedVariables = ProtectedVariables.load(config.protectedVariablesFile);
  const limitation = loadLimitationPeriod(path.resolve(import.meta.dirname, '../rules/limitation-period.json'));
  const startFields = (key: string) => {
    const form = forms.get(startFormKey(key));
    return form ? new Set(Object.keys(form.schema.properties ?? {})) : undefined;
  };
  const parties = new PartyRegister(db, clock, startFields);
  const workflow = new Workflow(db, definitions, runner, caseClocks, clock, {
    submission: withAudioVideoGate(avMatters, createSubmissionCheck(forms, protectedVariables, clock, documents, calendar, limitation, { library: violationLibrary(), benchmark })),
    message: createMessageCheck(forms, protectedVariables),
    lateMessageLabel: (name) => forms.get(name)?.rules.recordLateAs,
    messageLabel: (name) => forms.get(name)?.schema.title ?? name,
    start: createStartCheck(forms, protectedVariables, clock),
    variableLimits: { maxDepth: DEFAULT_JSON_LIMITS.maxDepth, maxBytes: config.variablesMaxBytes },
    parties,
  });
  // Sessions expire in real time even when training moves the process clock.
  const accounts = new Accounts(db, new SystemClock(), config.tokenTtlHours * 3_600_000, options.bcryptRounds, clock);

  const admin = { username: 'admin', password: config.adminPassword, displayName: '系统管理员', roles: [Roles.admin, Roles.processAdmin], seededPassword: config.adminPasswordDefaulted, mustChangePassword: config.adminPasswordDefaulted };
  const demo = config.env !== 'production' ? demoUsers(config.demoPassword, config.demoPasswordDefaulted) : [];
  if (await accounts.seedFirstUsers([admin, ...demo])) {
    if (config.adminPasswordDefaulted) log('created user "admin" with the default password "admin", to be changed at its first sign-in: set ZHIFA_ADMIN_PASSWORD');
    else log('created user "admin" with the password from ZHIFA_ADMIN_PASSWORD');
  }
  await definitions.deployDirectory(config.processesDir, 'system:startup');

  const notifications = new Notifications(config.notifications, { db, clock, calendar, definitions, log });
  await setAgencyWideGroups(db, notifications.organisation.agencyWideGroups);
  // Refresh first, so timers fire against an arrangement another process has just stored; then
  // the reminders of what the timers changed, and delivery of what is waiting in the outbox.
  const tick = async () => {
    await calendarAdmin.refreshIfChanged();
    const fired = await fireDueTimers(workflow, clock, log);
    try {
      await notifications.tick();
    } catch (err) {
      log('notifications failed; they are retried on the next tick', err);
    }
    return fired;
  };
  const views = new Views();
  const evidenceFiles = new EvidenceFiles(config.evidenceDir, config.evidenceMaxBytes);
  const app = createApp({
    db, clock, periods, accounts, workflow, calendar, calendarAdmin, reviewCatalogs, tick, forms, views, log, evidenceFiles, agency, parties, violations, discretion,
    bodyLimit: config.bodyLimit,
    production: config.env === 'production',
    tokenTtlSeconds: config.tokenTtlHours * 3600,
  });
  let ticker: Ticker | undefined;
  let digestTicker: Ticker | undefined;
  let checkpointTicker: Ticker | undefined;
  let catchUp: Promise<unknown> | undefined;
  const checkpoint = async () => {
    const result = await checkpointRecords(db, clock.now());
    for (const r of result.refused) log(`record checkpoint refused for case ${r.caseId}: ${r.problem}`);
    return result;
  };
  let server: Server | undefined;

  return {
    config,
    db,
    clock,
    calendar,
    forms,
    calendarAdmin,
    services,
    workflow,
    accounts,
    app,
    tick,
    checkpoint,
    notifications,
    startScheduler() {
      ticker ??= startTicker(config.schedulerCron, tick, (err) => log('scheduler tick failed', err));
      digestTicker ??= startTicker(config.notifications.digestCron, () => notifications.digest(), (err) => log('daily digest failed', err), 'Asia/Shanghai');
      if (config.recordKey && !checkpointTicker) {
        checkpointTicker = startTicker(config.checkpointCron, checkpoint, (err) => log('record checkpoint failed', err), 'Asia/Shanghai');
        catchUp = checkpoint().catch((err: unknown) => log('record checkpoint failed', err)); // catch up on a day missed while no process ran
      }
    },
    listen(port = config.port) {
      return new Promise((resolve, reject) => {
        const s = app.listen(port, (err?: Error) => {
          if (err) return reject(err);
          server = s;
          const address = s.address();
          resolve({ server: s, port: typeof address === 'object' && address ? address.port : port });
        });
      });
    },
    async close() {
      ticker?.stop();
      digestTicker?.stop();
      checkpointTicker?.stop();
      await catchUp;
      notifications.close();
      if (server) {
        const s = server;
        await new Promise<void>((resolve) => s.close(() => resolve()));
        s.closeAllConnections();
      }
      await db.destroy();
    },
  };
}
