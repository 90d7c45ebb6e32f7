import type { DbOrTx } from './db.ts';
import { JobStatus } from './jobs.ts';
import { TaskStatus } from './tasks.ts';

/** Cases with an open timer or task due at or after `from`: what a calendar change may move. */
export async function casesWithDeadlinesFrom(db: DbOrTx, from: number): Promise<string[]> {
  const viaJobs: Array<{ id: string }> = await db('jobs as j')
    .join('instances as i', 'i.id', 'j.instance_id')
    .where('j.status', JobStatus.pending)
    .andWhere('j.due_at', '>=', from)
    .distinct('i.root_id as id');
  const viaTasks: Array<{ id: string }> = await db('tasks as t')
    .join('instances as i', 'i.id', 't.instance_id')
    .where('t.status', TaskStatus.open)
    .andWhere('t.due_at', '>=', from)
    .distinct('i.root_id as id');
  return [...new Set([...viaJobs, ...viaTasks].map((r) => r.id))];
}
