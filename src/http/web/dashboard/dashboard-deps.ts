import type { WorkCalendar } from '../../../calendar/index.ts';
import type { Clock } from '../../../clock.ts';
import type { FormRegistry } from '../../../domain/forms.ts';
import type { Workflow } from '../../../workflow/workflow.ts';
import type { Views } from '../shared/views.ts';

/** What the supervision pages (dashboard, statistics, the cases behind a figure, exports) use. */
export interface DashboardDeps {
  workflow: Workflow;
  forms: FormRegistry;
  calendar: WorkCalendar;
  clock: Clock;
  views: Views;
}
