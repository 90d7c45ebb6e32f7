import type { DbOrTx } from '../store/db.ts';
import { fromJson } from '../store/json.ts';
import { peopleNames } from './people-names.ts';

/** What a task list shows of who holds a task. */
export interface TaskHolderOf {
  assignee: string | null;
  /** JSON list, as stored. */
  candidate_groups: string;
}

/**
 * Who holds each task, in words a person reads: the holder's display name, or, while nobody has
 * claimed it, the groups it is offered to by their names ("待认领（承办人员）"). One read of users
 * and groups for the whole list.
 */
export async function holderLabels(db: DbOrTx, tasks: TaskHolderOf[]): Promise<string[]> {
  const names = await peopleNames(db, tasks.map((t) => t.assignee));
  return tasks.map((t) => {
    if (t.assignee) return names.person(t.assignee);
    const offered = fromJson<string[]>(t.candidate_groups, []).map(names.group);
    return offered.length ? `待认领（${offered.join('、')}）` : '待认领';
  });
}
