import type { Knex } from 'knex';
import type { DbOrTx } from './db.ts';
import { fromJson } from './json.ts';

/**
 * What people put into a case, read from its record: a task's form (`task.completed`, with the
 * variables as checked), the start form (`instance.started`) and what a message carried
 * (`message.correlated`). The statistics read one step's submissions across cases; the case
 * pages read every input of one case. Both start here, so the record is read one way.
 */
export const SUBMITTED = 'task.completed';
const INPUT_KINDS = ['instance.started', SUBMITTED, 'message.correlated'];

/** The record's task submissions (`history` rows), for a caller to narrow down and select from. */
export function submissions(db: DbOrTx): Knex.QueryBuilder {
  return db('history').where('history.kind', SUBMITTED);
}

/** The variables a recorded input carried. */
export function submittedVariables(data: string | null): Record<string, unknown> {
  return fromJson<{ variables?: Record<string, unknown> }>(data, {}).variables ?? {};
}

export interface CaseInput {
  instanceId: string;
  kind: 'instance.started' | 'task.completed' | 'message.correlated';
  at: number;
  actor: string | null;
  elementId: string | null;
  /** The task that was completed, or the message's name. */
  taskId?: string;
  messageName?: string;
  variables: Record<string, unknown>;
}

/** Every input of a case and of the processes it called, in the order of its record. */
export async function inputsOfCase(db: DbOrTx, caseId: string): Promise<CaseInput[]> {
  const rows: Array<{ instance_id: string; kind: CaseInput['kind']; at: number; actor: string | null; element_id: string | null; data: string | null }> = await db('history')
    .where({ case_id: caseId })
    .whereIn('kind', INPUT_KINDS)
    .orderBy('seq')
    .orderBy('id')
    .select('instance_id', 'kind', 'at', 'actor', 'element_id', 'data');
  return rows.map((r) => {
    const data = fromJson<{ taskId?: string; name?: string }>(r.data, {});
    return {
      instanceId: r.instance_id,
      kind: r.kind,
      at: Number(r.at),
      actor: r.actor,
      elementId: r.element_id,
      ...(typeof data.taskId === 'string' && { taskId: data.taskId }),
      ...(r.kind === 'message.correlated' && typeof data.name === 'string' && { messageName: data.name }),
      variables: submittedVariables(r.data),
    };
  });
}
