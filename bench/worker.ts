/**
 * One worker process of the scaling benchmark (spawned by workers.ts, never run by hand):
 * opens its own Zhifa on the shared PostgreSQL schema, warms up, reports ready, and on "go"
 * runs its share of instances and reports done. Processes, not threads: the engine is CPU-bound.
 */
import { PG_URL, WARMUP } from './settings.ts';
import { openZhifa, runOneInstance } from './zhifa.ts';

export type WorkerMessage = { type: 'ready' } | { type: 'done'; instances: number } | { type: 'failed'; error: string };

const share = Number(process.env.BENCH_WORKER_SHARE);
const schema = process.env.BENCH_WORKER_SCHEMA;
const send = (m: WorkerMessage) => process.send!(m);

/** Runs this worker's share, reports it, and always closes and disconnects (a failure is reported, never thrown). */
async function runShare(zhifa: Awaited<ReturnType<typeof openZhifa>>): Promise<void> {
  try {
    for (let i = 0; i < share; i++) await runOneInstance(zhifa);
    send({ type: 'done', instances: share });
  } catch (err) {
    send({ type: 'failed', error: String(err) });
  } finally {
    await zhifa.close().catch((err: unknown) => console.error('closing the worker failed:', err));
    process.disconnect();
  }
}

try {
  const zhifa = await openZhifa({ client: 'pg', connectionString: PG_URL }, schema);
  for (let i = 0; i < WARMUP; i++) await runOneInstance(zhifa);
  process.once('message', () => void runShare(zhifa).catch((err: unknown) => console.error('the benchmark worker failed:', err)));
  send({ type: 'ready' });
} catch (err) {
  send({ type: 'failed', error: String(err) });
  process.disconnect();
}
