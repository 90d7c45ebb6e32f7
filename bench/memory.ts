/**
 * The memory benchmark's own process (spawned by run.ts with --expose-gc, never run by hand),
 * so that nothing the other benchmarks left on the heap is counted. Instances are not held in
 * memory, so starting many that wait should cost the server next to nothing.
 */
import { sqliteDatabase } from './database.ts';
import { WAITING, WARMUP } from './settings.ts';
import { openZhifa, runOneInstance, startWaiting } from './zhifa.ts';

export interface MemoryResult {
  waiting: number;
  heapMb: number;
  rssMb: number;
}

const gc = globalThis.gc;
if (!gc) throw new Error('bench/memory.ts needs --expose-gc');

function settled(): NodeJS.MemoryUsage {
  // Twice: the first collection can leave garbage that only the second reclaims (finalizers, weak refs).
  gc!();
  gc!();
  return process.memoryUsage();
}

const db = sqliteDatabase();
const zhifa = await openZhifa(db.database);
try {
  for (let i = 0; i < WARMUP; i++) await runOneInstance(zhifa);
  for (let i = 0; i < WARMUP; i++) await startWaiting(zhifa);
  const before = settled();
  for (let i = 0; i < WAITING; i++) await startWaiting(zhifa);
  const after = settled();
  const mb = (bytes: number) => bytes / 2 ** 20;
  const result: MemoryResult = { waiting: WAITING, heapMb: mb(after.heapUsed - before.heapUsed), rssMb: mb(after.rss - before.rss) };
  process.send!(result);
} finally {
  await zhifa.close();
  await db.drop();
}
