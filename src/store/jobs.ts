import type { DbOrTx } from './db.ts';

export const JobStatus = { pending: 'pending', done: 'done', cancelled: 'cancelled', failed: 'failed' } as const;
export type JobStatus = (typeof JobStatus)[keyof typeof JobStatus];

export interface JobRow {
  id: number;
  instance_id: string;
  kind: 'timer';
  element_id: string;
  execution_id: string;
  due_at: number;
  status: JobStatus;
  attempts: number;
  last_error: string | null;
  created_at: number;
  ended_at: number | null;
}

export function pendingJobsOf(db: DbOrTx, instanceId: string): Promise<JobRow[]> {
  return db<JobRow>('jobs').where({ instance_id: instanceId, status: JobStatus.pending });
}

export async function insertTimerJob(db: DbOrTx, row: Pick<JobRow, 'instance_id' | 'element_id' | 'execution_id' | 'due_at' | 'created_at'>): Promise<void> {
  await db('jobs').insert({ ...row, kind: 'timer', status: JobStatus.pending, attempts: 0 });
}

export async function rescheduleJob(db: DbOrTx, id: number, dueAt: number): Promise<void> {
  await db('jobs').where({ id }).update({ due_at: dueAt });
}

export async function endJob(db: DbOrTx, id: number, status: JobStatus, at: number): Promise<void> {
  await db('jobs').where({ id, status: JobStatus.pending }).update({ status, ended_at: at });
}

/** The next due job not yet tried in this tick; read without a lock (the instance is locked first). */
export function nextDueJob(db: DbOrTx, now: number, skipIds: number[]): Promise<JobRow | undefined> {
  return db<JobRow>('jobs')
    .where({ status: JobStatus.pending })
    .andWhere('due_at', '<=', now)
    .whereNotIn('id', skipIds)
    .orderBy('due_at')
    .orderBy('id')
    .first();
}

/** Read again under the instance lock: another worker may have fired or moved it meanwhile. */
export async function stillDue(db: DbOrTx, id: number, now: number): Promise<boolean> {
  const row = await db<JobRow>('jobs').where({ id, status: JobStatus.pending }).andWhere('due_at', '<=', now).first();
  return row !== undefined;
}

/** After a firing: a job still pending and due was not fired by its instance, so it is stale. */
export async function cancelIfStillDue(db: DbOrTx, id: number, now: number): Promise<void> {
  await db('jobs').where({ id, status: JobStatus.pending }).andWhere('due_at', '<=', now).update({ status: JobStatus.cancelled, ended_at: now });
}

/** A firing that failed inside the engine: back off exponentially, give up after `maxAttempts`. */
export async function recordJobFailure(db: DbOrTx, id: number, error: string, now: number, maxAttempts: number): Promise<void> {
  const job = await db<JobRow>('jobs').where({ id }).first();
  if (!job || job.status !== JobStatus.pending) return;
  const attempts = job.attempts + 1;
  const failed = attempts >= maxAttempts;
  const retryAt = now + Math.min(60 * 60_000, 30_000 * 2 ** attempts);
  await db('jobs')
    .where({ id })
    .update({ attempts, last_error: error, due_at: failed ? job.due_at : retryAt, ...(failed && { status: JobStatus.failed, ended_at: now }) });
}

export function jobsOfInstance(db: DbOrTx, instanceId: string): Promise<JobRow[]> {
  return db<JobRow>('jobs').where({ instance_id: instanceId }).orderBy('id');
}
