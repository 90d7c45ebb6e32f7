import type { ClockDues } from './due.ts';

/**
 * What one run of one instance may consult besides its stored state. Kept outside the engine
 * state (which is serialized) and looked up by instance id from the element behaviours.
 */
export interface RunContext {
  clocks: ClockDues;
  /** Opaque to the engine: handed to services (e.g. the open transaction). */
  services?: unknown;
  /**
   * Service calls still running: the runner waits for them instead of spinning, so that a service
   * waiting on a row lock (the next document or case number, while another case's transaction
   * holds its sequence) is not mistaken for a run that never settles.
   */
  pending?: Set<Promise<unknown>>;
}

export class RunContexts {
  private readonly byInstance = new Map<string, RunContext>();

  get(instanceId: string): RunContext {
    return this.byInstance.get(instanceId) ?? { clocks: {} };
  }

  async with<T>(instanceId: string, context: RunContext, fn: () => Promise<T>): Promise<T> {
    const previous = this.byInstance.get(instanceId);
    this.byInstance.set(instanceId, context);
    try {
      return await fn();
    } finally {
      if (previous) this.byInstance.set(instanceId, previous);
      else this.byInstance.delete(instanceId);
    }
  }
}
