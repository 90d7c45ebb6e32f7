import { Router } from 'express';
import type { AdminDeps, AdminPage } from './admin-deps.ts';
import { adminCalendar } from './admin-calendar.ts';
import { adminCatalog } from './admin-catalog.ts';
import { adminProcesses } from './admin-processes.ts';
import { adminOutbox } from './admin-outbox.ts';
import { adminUsers } from './admin-users.ts';
import { requireWebRole } from '../shared/session.ts';

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
