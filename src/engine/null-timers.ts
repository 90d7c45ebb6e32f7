import { Timers } from 'bpmn-elements';

/**
 * Timers that never fire from memory. The engine still registers every armed timer here,
 * so the runner can read the set of armed timers before it stops the engine and turn them
 * into rows; the database, not a setTimeout, decides when a timer fires.
 */
export function createNullTimers(): InstanceType<typeof Timers> {
  return new Timers({
    setTimeout: (() => null) as unknown as typeof setTimeout,
    clearTimeout: () => undefined,
  });
}

export interface ArmedTimer {
  elementId: string;
  executionId: string;
  expireAt: Date;
}

export function armedTimers(timers: InstanceType<typeof Timers>): ArmedTimer[] {
  const result: ArmedTimer[] = [];
  for (const ref of timers.executing as Array<{ owner?: { id?: string; executionId?: string; expireAt?: Date | string } }>) {
    const owner = ref.owner;
    if (!owner?.id || !owner.executionId || !owner.expireAt) continue;
    result.push({ elementId: owner.id, executionId: owner.executionId, expireAt: new Date(owner.expireAt) });
  }
  return result;
}
