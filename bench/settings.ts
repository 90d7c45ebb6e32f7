import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from '../src/workflow/actor.ts';

/** Everything a benchmark run can be told, read once from the environment. */
export const BENCH_DIR = import.meta.dirname;
export const ROOT = path.resolve(BENCH_DIR, '..');
export const BPMN = fs.readFileSync(path.join(BENCH_DIR, 'bench.bpmn'), 'utf8');
export const PROCESS_KEY = 'bench';

export const N = positiveInt('BENCH_N', 500);
/** Instances run before each measurement: JIT, caches and connection pools are warm when the clock starts. */
export const WARMUP = positiveInt('BENCH_WARMUP', 100);
export const WAITING = positiveInt('BENCH_WAITING', 10_000);
export const REMINDER_SUBJECTS = positiveInt('BENCH_REMINDERS', 2_000);
export const PAGE_TASKS = positiveInt('BENCH_PAGE_TASKS', 200);
export const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Holds both candidate groups of bench.bpmn, so it may complete both tasks. */
export const ACTOR: Actor = { username: 'bench', groups: ['reviewers', 'approvers'], roles: [] };

/** The first task's decision: routes the gateway to the second task. */
export const DECISION = { accepted: true };

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer (got "${raw}")`);
  return n;
}
