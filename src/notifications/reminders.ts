import { caseLabel } from '../domain/case-label.ts';
import type { WorkCalendar } from '../calendar/index.ts';
import type { Clock } from '../clock.ts';
import { NEVER } from '../engine/due.ts';
import { clockCatalog } from '../domain/clock-catalog.ts';
import { DUE_UNIT_WORDS, dueUnit, unitsUntil, type DueUnit } from '../domain/due-unit.ts';
import type { Db, DbOrTx } from '../store/db.ts';
import { clocksFollowedByOpenTasks, openTasksDueBetween, runningClocksDueBetween, type DueClock, type DueTask } from '../store/deadline-subjects.ts';
import { definitionById } from '../store/definitions.ts';
import { departmentOfCase, instanceById } from '../store/instances.ts';
import { fromJson } from '../store/json.ts';
import { recentReminderKeys } from '../store/outbox.ts';
import { accessOf, agencyWideGroups, userByName, usersInGroups } from '../store/users.ts';
import { mayActOnTask } from '../workflow/task-access.ts';
import type { Definitions } from '../workflow/definitions.ts';
import type { Notifier, Recipient } from './notifier.ts';
import type { Organisation } from './organisation.ts';
import type { ReminderPolicy, ReminderStep } from './reminder-policy.ts';
import { shiftWorkingDays } from './working-day-shift.ts';

/** Far enough either side of now to hold every step of a policy, across the longest holiday. */
const WINDOW_MS = 30 * 86_400_000;

export interface ReminderDeps {
  db: Db;
  clock: Clock;
  calendar: WorkCalendar;
  policy: ReminderPolicy;
  organisation: Organisation;
  definitions: Definitions;
  notifier: Notifier;
}

/**
 * Reminders are derived from the due times as they stand when the scheduler looks, never stored
 * ahead: a paused clock has no due time and reminds nobody, an extended one reminds against its
 * new due time, and a calendar change moves them with the deadlines. For each task or clock the
 * latest step whose time has come is sent once — its key holds the due time it was sent for.
 */
export async function sendDueReminders(deps: ReminderDeps): Promise<number> {
  const now = deps.clock.now().getTime();
  // What was sent already, read once: a scan that finds nothing new costs one query, not one a task.
  const sent = await recentReminderKeys(deps.db, now - 3 * WINDOW_MS);
  let queued = 0;
  for (const task of await openTasksDueBetween(deps.db, now - WINDOW_MS, Math.min(now + WINDOW_MS, NEVER.getTime() - 1))) {
    queued += await remindTask(deps, task, now, sent);
  }
  for (const clock of await runningClocksDueBetween(deps.db, now - WINDOW_MS, now + WINDOW_MS)) {
    queued += await remindClock(deps, clock, now, sent);
  }
  return queued;
}

function latestStep(deps: ReminderDeps, steps: ReminderStep[], dueAt: number, now: number): { step: ReminderStep; at: number } | null {
  let latest: { step: ReminderStep; at: number } | null = null;
  for (const step of steps) {
    const at = shiftWorkingDays(deps.calendar, new Date(dueAt), step.workingDays).getTime();
    if (at <= now && (!latest || at > latest.at)) latest = { step, at };
  }
  return latest;
}

async function remindTask(deps: ReminderDeps, task: DueTask, now: number, sent: Set<string>): Promise<number> {
  const def = await deps.definitions.compiledById(deps.db, task.definition_id);
  const steps = deps.policy.stepsFor(task.process_key, task.element_id, def.reminderOverrides?.[task.element_id]);
  const due = latestStep(deps, steps, task.due_at, now);
  const key = due && `reminder:task:${task.id}:${due.step.id}:${task.due_at}`;
  if (!due || !key || sent.has(key)) return 0;
  const doing = task.assignee ? [task.assignee] : await membersOfferedTask(deps.db, task);
  const recipients = await recipientsFor(deps, task.root_id, due.step, doing);
  return deps.notifier.notify({
    key,
    template: due.step.template,
    level: due.step.level,
    caseId: task.root_id,
    recipients,
    link: `/tasks/${task.id}`,
    context: await subjectContext(deps, task.root_id, task.name ?? task.element_id, 'task', dueUnit(task.due_spec), task.due_at, now, due),
  });
}

async function remindClock(deps: ReminderDeps, clock: DueClock, now: number, sent: Set<string>): Promise<number> {
  // A reminder clock only starts the diagram's own reminder step: its passing is no delay, and
  // escalating it would tell the head a limit ran out that has not (rules/clocks.json).
  if (!clockCatalog().statutory(clock.name)) return 0;
  const steps = deps.policy.stepsFor(clock.process_key, `clock:${clock.name}`);
  const due = latestStep(deps, steps, clock.due_at, now);
  const key = due && `reminder:clock:${clock.id}:${due.step.id}:${clock.due_at}`;
  if (!due || !key || sent.has(key)) return 0;
  // A task that follows the clock already reminds of it.
  if ((await clocksFollowedByOpenTasks(deps.db, clock.scope_id)).has(clock.name)) return 0;
  const root = await instanceById(deps.db, clock.case_id);
  const recipients = await recipientsFor(deps, clock.case_id, due.step, root?.started_by ? [root.started_by] : []);
  return deps.notifier.notify({
    key,
    template: due.step.template,
    level: due.step.level,
    caseId: clock.case_id,
    recipients,
    link: `/cases/${clock.case_id}`,
    context: await subjectContext(deps, clock.case_id, `法定期限 ${clockCatalog().label(clock.name)}`, 'clock', clockCatalog().days(clock.name), clock.due_at, now, due),
  });
}

async function recipientsFor(deps: ReminderDeps, caseId: string, step: ReminderStep, doing: string[]): Promise<Recipient[]> {
  const department = await departmentOfCase(deps.db, caseId);
  const names = new Set<string>();
  for (const role of step.to) {
    if (role === 'assignee') doing.forEach((u) => names.add(u));
    else if (role === 'departmentHead') addIf(names, deps.organisation.headOf(department));
    else addIf(names, deps.organisation.headAbove(department));
  }
  const recipients: Recipient[] = [];
  for (const username of names) {
    const user = await userByName(deps.db, username);
    if (user?.active) recipients.push({ username, displayName: user.display_name ?? username, email: user.email ?? null });
  }
  return recipients;
}

/** The members of the task's groups who may act on it (the rule of src/workflow/task-access.ts). */
async function membersOfferedTask(db: DbOrTx, task: DueTask): Promise<string[]> {
  const department = await departmentOfCase(db, task.root_id);
  const agencyWide = await agencyWideGroups(db);
  const members = await usersInGroups(db, fromJson<string[]>(task.candidate_groups, []));
  const out: string[] = [];
  for (const u of members) {
    const access = await accessOf(db, u);
    if (mayActOnTask(task, department, { username: u.username, groups: access.groups, department: u.department }, agencyWide)) out.push(u.username);
  }
  return out;
}

function addIf(set: Set<string>, v: string | null): void {
  if (v) set.add(v);
}


/**
 * What a template says of a deadline, in the unit its period counts (`dayWord`): 剩余 3 个工作日
 * for a working-day limit, 剩余 3 日 for a calendar-day one (filing, the decision, a seizure).
 */
async function subjectContext(deps: ReminderDeps, caseId: string, stepName: string, kind: 'task' | 'clock', unit: DueUnit, dueAt: number, now: number, due: { step: ReminderStep; at: number }) {
  const root = await instanceById(deps.db, caseId);
  const vars = fromJson<Record<string, unknown>>(root?.variables, {});
  const def = root ? await definitionById(deps.db, root.definition_id) : undefined;
  const left = unitsUntil(deps.calendar, new Date(now), new Date(dueAt), unit);
  return {
    case: { label: caseLabel(root?.business_key ?? null, vars), businessKey: root?.business_key ?? null, processName: def?.name ?? root?.process_key ?? '' },
    step: { name: stepName, kind },
    dueAtMs: dueAt,
    daysLeft: left,
    dayWord: DUE_UNIT_WORDS[unit],
    workingDaysLeft: deps.calendar.workingDaysBetween(new Date(now), new Date(dueAt)),
    // The escalation says what its step is (one working day late: in calendar days, the days
    // from the deadline to that step), however late the tick runs.
    overdueDays: due.step.workingDays <= 0 ? Math.max(0, -left) : unit === 'working' ? due.step.workingDays : Math.max(1, Math.round((due.at - dueAt) / (unit === 'hours' ? HOUR_MS : DAY_MS))),
  };
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
