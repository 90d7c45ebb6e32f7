import { ManualClock } from '../src/clock.ts';
import { loadConfig, type DatabaseConfig } from '../src/config.ts';
import { InstanceStatus } from '../src/store/instances.ts';
import { openTasksOf } from '../src/store/tasks.ts';
import { createZhifa, type Zhifa } from '../src/zhifa.ts';
import { ACTOR, BENCH_DIR, BPMN, DECISION, PROCESS_KEY, ROOT } from './settings.ts';

/**
 * A Zhifa without HTTP or scheduler, on the given database, with bench.bpmn deployed.
 * The clock is manual so the 3-day boundary timers never come due while we measure.
 */
export async function openZhifa(database: DatabaseConfig, schema?: string): Promise<Zhifa> {
  const config = {
    ...loadConfig({ NODE_ENV: 'test', ZHIFA_CLOCK: 'manual' }, ROOT),
    database,
    // No startup deployments: the benchmark deploys its one process itself.
    processesDir: `${BENCH_DIR}/no-processes`,
  };
  const zhifa = await createZhifa({ config, clock: new ManualClock(), schema, bcryptRounds: 4, log: () => {} });
  await zhifa.workflow.definitions.deploy(BPMN, 'bench');
  return zhifa;
}

/** One instance the way users drive it: start, then find and complete each open task in turn. */
export async function runOneInstance(zhifa: Zhifa): Promise<void> {
  const { workflow, db } = zhifa;
  const { id } = await workflow.start({ processKey: PROCESS_KEY }, ACTOR);
  for (const variables of [DECISION, {}]) {
    const [task] = await openTasksOf(db, id);
    if (!task) throw new Error(`instance ${id} has no open task to complete`);
    await workflow.completeTask(task.id, variables, ACTOR);
  }
}

/** Checked after a measurement rather than per instance, so the check is not timed. */
export async function assertCompleted(zhifa: Zhifa, expected: number): Promise<void> {
  const [{ n }] = await zhifa.db('instances').where({ status: InstanceStatus.completed }).count({ n: '*' });
  if (Number(n) < expected) throw new Error(`only ${n} of ${expected} instances completed`);
}

/** Start an instance and leave it waiting at its first task. */
export async function startWaiting(zhifa: Zhifa): Promise<void> {
  await zhifa.workflow.start({ processKey: PROCESS_KEY }, ACTOR);
}
