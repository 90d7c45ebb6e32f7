import type { Clock } from '../clock.ts';
import { cancelIfStillDue, claimNextDueJob, recordJobFailure } from '../store/jobs.ts';
import type { Workflow } from '../workflow/workflow.ts';

export interface FireResult {
  fired: number;
  failed: number;
}

const MAX_ATTEMPTS = 5;
const MAX_PER_TICK = 1000;

/**
 * Fire every timer that is due now. Each firing is one transaction that claims the job row
 * and runs the instance: if the process dies mid-command the transaction never commits, the
 * claim vanishes with it, and the next tick of any worker fires the timer, once.
 */
export async function fireDueTimers(workflow: Workflow, clock: Clock, log: (msg: string) => void = () => {}): Promise<FireResult> {
  const result: FireResult = { fired: 0, failed: 0 };
  const tried: number[] = [];
  while (result.fired + result.failed < MAX_PER_TICK) {
    const now = clock.now().getTime();
    let current: number | undefined;
    try {
      const jobId = await workflow.transaction(async (tx) => {
        const job = await claimNextDueJob(tx, now, tried);
        if (!job) return undefined;
        current = job.id;
        tried.push(job.id);
        await workflow.fireInTx(tx, job.instance_id, job.id, job.element_id);
        await cancelIfStillDue(tx, job.id, now);
        return job.id;
      });
      if (jobId === undefined) break;
      result.fired++;
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
