import type { ServiceRegistry } from '../engine/services.ts';
import type { ServiceContext } from '../workflow/service-context.ts';
import type { DbOrTx } from '../store/db.ts';

/** What this service reads of the case clocks: their recorded events. */
export interface ClockHistories {
  list(db: DbOrTx, caseId: string): Promise<Array<{ name: string; instanceId?: string; events: Array<{ kind: string }> }>>;
}

/**
 * `${services.clockExtensions('decision')}` sets decisionExtensions: how many extensions the
 * case's clock has had since it (last) started. Counted from the clock's own record, not kept in a
 * variable, because a called process hands its copy of the case variables back when it ends
 * and would undo a count raised meanwhile: a limit on extensions must read the truth.
 */
export function registerClockExtensionServices(registry: ServiceRegistry, clocks: ClockHistories): void {
  registry.register('clockExtensions', async ({ args: [name], instanceId, context }) => {
    if (!name) throw new Error("clockExtensions needs a clock name, e.g. ('decision')");
    const ctx = context as ServiceContext;
    const own = (await clocks.list(ctx.tx, ctx.caseId)).filter((c) => c.name === name && (c.instanceId === undefined || c.instanceId === instanceId));
    const events = own.at(-1)?.events ?? [];
    const since = events.map((e) => e.kind).lastIndexOf('start');
    return { [`${name}Extensions`]: events.slice(Math.max(0, since)).filter((e) => e.kind === 'extend').length };
  });
}
