import type { Clock } from '../clock.ts';
import type { ServiceRegistry } from '../engine/services.ts';

/**
 * `${services.recordTime('materialsReceivedAt')}` notes the current time (ISO 8601, UTC) in a
 * variable, so that a later step can count from it, e.g. a permit deemed accepted from the day
 * its materials were received: `${services.startClock('permitDecision', 'P20WD', materialsReceivedAt)}`.
 * The time comes from the injected clock, never from the client that started the case.
 */
export function registerRecordTimeService(registry: ServiceRegistry, clock: Clock): void {
  registry.register('recordTime', ({ args: [name] }) => {
    if (!name || !/^[A-Za-z_]\w*$/.test(name)) throw new Error("recordTime needs a variable name, e.g. ('materialsReceivedAt')");
    return { [name]: clock.now().toISOString() };
  });
}
