import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { perSecond } from './measure.ts';
import { BENCH_DIR, ROOT } from './settings.ts';
import type { WorkerMessage } from './worker.ts';

/**
 * Aggregate throughput of `count` worker processes sharing `total` instances on one PostgreSQL
 * schema. Workers start one after another (two concurrent migrations or admin inserts would
 * collide), warm up, and only then start together; the clock runs from "go" to the last "done".
 */
export async function workersThroughput(count: number, total: number, schema: string): Promise<number> {
  const workers: ChildProcess[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const share = Math.floor(total / count) + (i < total % count ? 1 : 0);
      const child = fork(path.join(BENCH_DIR, 'worker.ts'), [], {
        cwd: ROOT,
        execArgv: ['--import', 'tsx'],
        env: { ...process.env, BENCH_WORKER_SHARE: String(share), BENCH_WORKER_SCHEMA: schema },
      });
      workers.push(child);
      await next(child, 'ready');
    }
    const t0 = process.hrtime.bigint();
    const done = workers.map((w) => next(w, 'done'));
    for (const w of workers) w.send('go');
    await Promise.all(done);
    return perSecond(total, process.hrtime.bigint() - t0);
  } finally {
    for (const w of workers) if (w.exitCode === null) w.kill();
  }
}

function next(child: ChildProcess, type: 'ready' | 'done'): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: WorkerMessage) => {
      if (m.type === 'failed') return reject(new Error(`worker ${child.pid} failed: ${m.error}`));
      if (m.type === type) {
        child.off('message', onMessage);
        resolve();
      }
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`worker ${child.pid} exited (${code}) before "${type}"`)));
  });
}
