import type { Server } from 'node:http';
import type { Express } from 'express';
import { Accounts } from './auth/accounts.ts';
import { CalendarInputError, loadCalendarDir, WorkCalendar } from './calendar/index.ts';
import { ManualClock, SystemClock, type Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { PeriodResolver } from './engine/periods.ts';
import { ProcessEngine } from './engine/runner.ts';
import { ServiceRegistry } from './engine/services.ts';
import { badRequest } from './errors.ts';
import { createApp } from './http/app.ts';
import { startTicker, type Ticker } from './scheduler/cron.ts';
import { fireDueTimers, type FireResult } from './scheduler/fire-due-timers.ts';
import { createDb, migrate, type Db } from './store/db.ts';
import { Definitions } from './workflow/definitions.ts';
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
  services: ServiceRegistry;
  workflow: Workflow;
  accounts: Accounts;
  app: Express;
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
  await migrate(db);

  const calendar = new WorkCalendar();
  loadCalendarDir(config.calendarsDir, calendar);
  const periods: PeriodResolver = {
    resolve(from, period) {
      try {
        const due = calendar.addPeriod(from, period);
        return { dueAt: due.dueAt, provisional: due.provisional };
      } catch (err) {
        if (err instanceof CalendarInputError) throw badRequest(err.message);
        throw err;
      }
    },
  };
  const services = options.services ?? new ServiceRegistry();
  const engine = new ProcessEngine({ clock, periods, services });
  const definitions = new Definitions(db, engine, clock);
  const workflow = new Workflow(db, engine, definitions, clock);
  // Sessions expire in real time even when training moves the process clock.
  const accounts = new Accounts(db, new SystemClock(), config.tokenTtlHours * 3_600_000, options.bcryptRounds);

  if (await accounts.ensureAdmin(config.adminPassword)) {
    if (config.adminPasswordDefaulted) log('created user "admin" with the default password "admin": set ZHIFA_ADMIN_PASSWORD and change it');
    else log('created user "admin" with the password from ZHIFA_ADMIN_PASSWORD');
  }
  await definitions.deployDirectory(config.processesDir, 'system:startup');

  const tick = () => fireDueTimers(workflow, clock, log);
  const app = createApp({ db, clock, periods, accounts, workflow, tick, bodyLimit: config.bodyLimit, log });
  let ticker: Ticker | undefined;
  let server: Server | undefined;

  return {
    config,
    db,
    clock,
    calendar,
    services,
    workflow,
    accounts,
    app,
    tick,
    startScheduler() {
      ticker ??= startTicker(config.schedulerCron, tick, (err) => log('scheduler tick failed', err));
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
      if (server) {
        const s = server;
        await new Promise<void>((resolve) => s.close(() => resolve()));
        s.closeAllConnections();
      }
      await db.destroy();
    },
  };
}
