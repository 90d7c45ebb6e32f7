import { caseLabel } from '../domain/case-label.ts';
import { shanghaiDate, type WorkCalendar } from '../calendar/index.ts';
import type { Clock } from '../clock.ts';
import { clockCatalog } from '../domain/clock-catalog.ts';
import type { Db } from '../store/db.ts';
import { fromJson } from '../store/json.ts';
import { overdueClocks, overdueTasks } from '../store/supervision.ts';
import { usersWithRole } from '../store/users.ts';
import { formatDue, type Notifier } from './notifier.ts';
import { warningCounts } from './warnings.ts';

const ITEMS = 20;

/**
 * The managers' daily digest, sent on working days only (a holiday or a weekend that is not an
 * adjusted working day sends nothing). Its key holds the date, so two server processes whose
 * cron fires at the same minute send one digest.
 */
export async function sendDailyDigest(deps: { db: Db; clock: Clock; calendar: WorkCalendar; notifier: Notifier }): Promise<number> {
  const now = deps.clock.now();
  const date = shanghaiDate(now);
  if (!deps.calendar.day(date).workday) return 0;
  let queued = 0;
  for (const manager of await usersWithRole(deps.db, 'manager')) {
    // As on the dashboard: a manager reads their own department, and without one nothing.
    if (!manager.department) continue;
    const scope = { department: manager.department };
    const counts = (await warningCounts(deps.db, deps.calendar, now, scope)).reduce((a, c) => ({ near: a.near + c.near, overdue: a.overdue + c.missed, paused: a.paused + c.paused }), { near: 0, overdue: 0, paused: 0 });
    const tasks = await overdueTasks(deps.db, scope, now.getTime(), ITEMS);
    const clocks = await overdueClocks(deps.db, scope, now.getTime(), ITEMS, clockCatalog().statutoryNames());
    const label = (r: { business_key: string | null; case_id: string; variables: string }) => {
      const v = fromJson<Record<string, unknown>>(r.variables, {});
      return caseLabel(r.business_key, v);
    };
    const items = [
      ...tasks.map((t) => ({ levelLabel: '逾期', caseLabel: label(t), stepName: t.name ?? t.element_id, dueAt: t.due_at === null ? '' : formatDue(t.due_at), link: deps.notifier.url(`/cases/${t.case_id}`) })),
      ...clocks.map((c) => ({ levelLabel: '逾期', caseLabel: label(c), stepName: `法定期限 ${clockCatalog().label(c.name)}`, dueAt: formatDue(c.due_at), link: deps.notifier.url(`/cases/${c.case_id}`) })),
    ].slice(0, ITEMS);
    queued += await deps.notifier.notify({
      key: `digest:${date}`,
      template: 'digest',
      level: counts.overdue ? 'missed' : counts.near ? 'near' : 'info',
      caseId: null,
      recipients: [{ username: manager.username, displayName: manager.display_name ?? manager.username, email: manager.email ?? null }],
      link: '/dashboard',
      context: { date, department: manager.department, counts, items, dashboardLink: deps.notifier.url('/dashboard') },
    });
  }
  return queued;
}
