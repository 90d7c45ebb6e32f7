import type { DbOrTx } from './db.ts';

/** An open task with a due time, with what reminders need of its case. */
export interface DueTask {
  id: string;
  instance_id: string;
  element_id: string;
  name: string | null;
  assignee: string | null;
  candidate_groups: string;
  due_at: number;
  due_spec: string | null;
  created_at: number;
  process_key: string;
  definition_id: number;
  root_id: string;
}

/** A running statutory clock with a due time. */
export interface DueClock {
  id: number;
  case_id: string;
  scope_id: string;
  name: string;
  status: string;
  due_at: number;
  process_key: string;
}

export function openTasksDueBetween(db: DbOrTx, from: number, to: number): Promise<DueTask[]> {
  return db('tasks')
    .join('instances', 'instances.id', 'tasks.instance_id')
    .where('tasks.status', 'open')
    .whereBetween('tasks.due_at', [from, to])
    .select('tasks.id', 'tasks.instance_id', 'tasks.element_id', 'tasks.name', 'tasks.assignee', 'tasks.candidate_groups', 'tasks.due_at', 'tasks.due_spec', 'tasks.created_at', 'instances.process_key', 'instances.definition_id', 'instances.root_id')
    .orderBy('tasks.due_at');
}

export function runningClocksDueBetween(db: DbOrTx, from: number, to: number): Promise<DueClock[]> {
  return db('clocks')
    .join('instances', 'instances.id', 'clocks.scope_id')
    .where('clocks.status', 'running')
    .whereBetween('clocks.due_at', [from, to])
    .select('clocks.id', 'clocks.case_id', 'clocks.scope_id', 'clocks.name', 'clocks.status', 'clocks.due_at', 'instances.process_key')
    .orderBy('clocks.due_at');
}

/** Names of clocks that an open task of the instance already follows (`camunda:dueDate="clock:name"`): the task's reminders cover them. */
export async function clocksFollowedByOpenTasks(db: DbOrTx, instanceId: string): Promise<Set<string>> {
  const specs: string[] = await db('tasks').where({ instance_id: instanceId, status: 'open' }).whereLike('due_spec', 'clock:%').pluck('due_spec');
  return new Set(specs.map((s) => s.slice('clock:'.length)));
}
