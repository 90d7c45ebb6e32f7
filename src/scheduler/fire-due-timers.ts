import type { Clock } from '../clock.ts';
import { rootIdOf, tryLockInstance } from '../store/instances.ts';
import { cancelIfStillDue, nextDueJob, recordJobFailure, stillDue } from '../store/jobs.ts';
import type { Workflow } from '../workflow/workflow.ts';

export interface FireResult {
  fired: number;
  failed: number;
}

const MAX_ATTEMPTS = 5;
const MAX_PER_TICK = 1000;

/**
 * Fire every timer that is due now. Each firing is one transaction that locks the case (its root
 * instance, skipping it when another worker holds it), checks the job is still due, and runs the
 * instance: if the process dies mid-command the transaction never commits, the lock vanishes with
 * it, and the next tick of any worker fires the timer, once. Locking the case before the job keeps
 * the one lock order every command follows, so workers and commands cannot deadlock.
 */
export async function fireDueTimers(workflow: Workflow, clock: Clock, log: (msg: string) => void = () => {}): Promise<FireResult> {
  const result: FireResult = { fired: 0, failed: 0 };
  const tried: number[] = [];
  while (result.fired + result.failed < MAX_PER_TICK) {
    const now = clock.now().getTime();
    let current: number | undefined;
    try {
      const jobId = await workflow.transaction(async (tx) => {
        const job = await nextDueJob(tx, now, tried);
        if (!job) return undefined;
        current = job.id;
        tried.push(job.id);
        const caseId = await rootIdOf(tx, job.instance_id);
        if (!caseId || !(await tryLockInstance(tx, caseId)) || !(await stillDue(tx, job.id, now))) return 'skipped';
        await workflow.fireInTx(tx, job.instance_id, job.id, job.element_id);
        await cancelIfStillDue(tx, job.id, now);
        return job.id;
      });
      if (jobId === undefined) break;
      if (jobId !== 'skipped') result.fired++;
    } catch (err) {
      if (current === undefined) throw err;
      const message = err instanceof Error ? err.message : String(err);
      log(`timer job ${current} failed: ${message}`);
      const failedId = current;
      await workflow.db.transaction((tx) => recordJobFailure(tx, failedId, message, now, MAX_ATTEMPTS));
      result.failed++;
    }
  }
  return result;
}
