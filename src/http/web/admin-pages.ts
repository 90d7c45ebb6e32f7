import { Router, type Response } from 'express';
import type { Accounts } from '../../auth/accounts.ts';
import type { WorkCalendar } from '../../calendar/index.ts';
import type { Clock } from '../../clock.ts';
import type { ReviewCatalogs } from '../../domain/review-catalogs.ts';
import type { CalendarAdmin } from '../../workflow/calendar-admin.ts';
import type { Workflow } from '../../workflow/workflow.ts';
import { adminCalendar } from './admin-calendar.ts';
import { adminCatalog } from './admin-catalog.ts';
import { adminProcesses } from './admin-processes.ts';
import { adminOutbox } from './admin-outbox.ts';
import { adminUsers } from './admin-users.ts';
import { requireWebRole } from './session.ts';
import type { Views } from './views.ts';

export interface AdminDeps {
  accounts: Accounts;
  workflow: Workflow;
  calendar: WorkCalendar;
  calendarAdmin: CalendarAdmin;
  reviewCatalogs: ReviewCatalogs;
  clock: Clock;
  views: Views;
  bodyLimit: string;
}

export type AdminPage = (res: Response, name: string, ctx: Record<string, unknown>, status?: number) => void;

/**
 * The administrators' area: processes and the modeler, the legal-review catalog, the calendar,
 * users. Process administrators see it too; the calendar and users change only by an `admin`,
 * as in the API, since a user created here could be given any role.
 */
export function adminPages(deps: AdminDeps): Router {
  const r = Router();
  r.use('/admin', requireWebRole('admin', 'process-admin'));
  const page: AdminPage = (res, name, ctx, status = 200) => res.status(status).type('html').send(deps.views.render(name, { ...res.locals, ...ctx }));
  r.use(adminProcesses(deps, page));
  r.use(adminCatalog(deps, page));
  r.use(adminCalendar(deps, page));
  r.use('/admin/outbox', requireWebRole('admin'));
  r.use(adminOutbox(deps, page));
  r.use('/admin/users', requireWebRole('admin'));
  r.use(adminUsers(deps, page));
  return r;
}
