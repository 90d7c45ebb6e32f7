import type { Response } from 'express';
import type { Accounts } from '../../../auth/accounts.ts';
import type { WorkCalendar } from '../../../calendar/index.ts';
import type { Clock } from '../../../clock.ts';
import type { ReviewCatalogs } from '../../../domain/review-catalogs.ts';
import type { CalendarAdmin } from '../../../workflow/calendar-admin.ts';
import type { Workflow } from '../../../workflow/workflow.ts';
import type { Views } from '../shared/views.ts';

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
