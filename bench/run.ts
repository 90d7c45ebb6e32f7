/**
 * `npm run bench`: the cost of persistence, of scaling out, and of waiting instances.
 * See BENCHMARKS.md for what each line means and the aims it is judged against.
 */
import { fork } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { postgresDatabase, sqliteDatabase, type BenchDatabase } from './database.ts';
import { fmt, throughput } from './measure.ts';
import type { MemoryResult } from './memory.ts';
import { plainRunner } from './plain.ts';
import { pageTimes } from './pages.ts';
import { reminderTicks } from './reminders.ts';
import { BENCH_DIR, N, PG_URL, ROOT, WARMUP } from './settings.ts';
import { workersThroughput } from './workers.ts';
import { assertCompleted, openZhifa, runOneInstance } from './zhifa.ts';

// The load average is printed because other work on the machine moves every figure below.
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`zhifa bench: N=${N} instances per path (after ${WARMUP} warm-up), node ${process.version}, ${os.cpus().length} cores, load ${load()}`);

const runPlain = await plainRunner();
const plain = await throughput(N, WARMUP, runPlain);
report('plain bpmn-engine', plain);

const sqlite = sqliteDatabase();
try {
  report('zhifa sqlite', await zhifaThroughput(sqlite));
} finally {
  await sqlite.drop();
}

const pg = await postgresDatabase();
if ('unreachable' in pg) {
  console.log(`zhifa postgres: skipped, PostgreSQL at ${PG_URL} is unreachable (${pg.unreachable})`);
  console.log('zhifa postgres, 2 workers: skipped, PostgreSQL is unreachable');
} else {
  try {
    report('zhifa postgres', await zhifaThroughput(pg));
    // Same schema: migrated, with the definition deployed; the rows of the run above stay.
    const one = await workersThroughput(1, N, pg.schema!);
    const two = await workersThroughput(2, N, pg.schema!);
    console.log(`zhifa postgres, 1 worker: ${fmt(one)} inst/s`);
    console.log(`zhifa postgres, 2 workers: ${fmt(two)} inst/s, ${fmt(two / one, 2)}× one worker`);
  } finally {
    await pg.drop();
  }
}

const reminders = await reminderTicks();
console.log(`reminders: ${reminders.subjects} tasks entering their reminder at once: first tick ${fmt(reminders.firstTickMs)} ms (${fmt(reminders.firstTickMs / reminders.subjects, 2)} ms a task, ${reminders.queued} queued and delivered), steady tick ${fmt(reminders.steadyTickMs)} ms`);

const pages = await pageTimes();
console.log(`pages: with ${pages.tasks} open group tasks, the task list answers in ${fmt(pages.taskListMs, 1)} ms, a case page in ${fmt(pages.casePageMs, 1)} ms (median of 20, over HTTP)`);

const memory = await memoryOfWaiting();
console.log(`memory: ${memory.waiting} waiting instances add ${fmt(memory.heapMb, 1)} MB heap (${fmt(memory.rssMb, 1)} MB rss)`);
console.log(`load at the end: ${load()}`);

function report(label: string, rate: number) {
  console.log(`${label}: ${fmt(rate)} inst/s, ratio ${fmt(rate / plain, 2)} to plain bpmn-engine`);
}

async function zhifaThroughput(db: BenchDatabase): Promise<number> {
  const zhifa = await openZhifa(db.database, db.schema);
  try {
    const rate = await throughput(N, WARMUP, () => runOneInstance(zhifa));
    await assertCompleted(zhifa, N + WARMUP);
    return rate;
  } finally {
    await zhifa.close();
  }
}

/** In a fresh process with --expose-gc, so the heap holds only what the waiting instances add. */
function memoryOfWaiting(): Promise<MemoryResult> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(BENCH_DIR, 'memory.ts'), [], { cwd: ROOT, execArgv: ['--expose-gc', '--import', 'tsx'] });
    child.once('message', (m) => resolve(m as MemoryResult));
    child.once('exit', (code) => reject(new Error(`the memory benchmark exited (${code}) without a result`)));
    child.once('error', reject);
  });
}
