import cron from 'node-cron';

export interface Ticker {
  stop(): void;
}

/**
 * Cron only wakes the scheduler; the database remembers what is due. Ticks never overlap
 * in one process, and a tick after downtime catches up on everything that fell due meanwhile.
 */
export function startTicker(expression: string, tick: () => Promise<unknown>, onError: (err: unknown) => void, timezone?: string): Ticker {
  if (!cron.validate(expression)) throw new Error(`the cron expression "${expression}" is not valid`);
  let running = false;
  const task = cron.schedule(
    expression,
    async () => {
    if (running) return;
    running = true;
    try {
      await tick();
    } catch (err) {
      onError(err);
    } finally {
      running = false;
    }
    },
    timezone ? { timezone } : undefined,
  );
  return { stop: () => void Promise.resolve(task.stop()).catch(onError) };
}
