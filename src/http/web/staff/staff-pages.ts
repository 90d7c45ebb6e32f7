import { Router } from 'express';
import { casePages } from './case-pages.ts';
import { draftPages } from './draft-pages.ts';
import { startPages } from './start-pages.ts';
import { caseListPages } from './case-list-pages.ts';
import { partyPages } from './party-pages.ts';
import type { StaffDeps } from './staff-deps.ts';
import { taskListPages } from './task-list-pages.ts';
import { taskHandoverPages } from './task-handover-pages.ts';
import { taskPages } from './task-pages.ts';

export type { StaffDeps } from './staff-deps.ts';

/** Staff pages: the task list, task forms, their handover and their drafts, starting a case (before the case page: /cases/new is not a case), the case page. */
export function staffPages(deps: StaffDeps): Router {
  const r = Router();
  r.use(taskListPages(deps));
  r.use(taskPages(deps));
  r.use(taskHandoverPages(deps));
  r.use(draftPages(deps));
  r.use(startPages(deps));
  r.use(caseListPages(deps)); // GET /cases, before /cases/:id
  r.use(partyPages(deps));
  r.use(casePages(deps));
  return r;
}
