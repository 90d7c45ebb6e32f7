import { parseInstant } from '../calendar/index.ts';
import { shanghaiDateOfEnd } from '../calendar/dates.ts';
import type { ClockDues } from '../engine/due.ts';
import type { ServiceCall, ServiceRegistry } from '../engine/services.ts';
import type { CaseClocks, ClockChange } from './case-clocks.ts';
import type { ServiceContext } from './service-context.ts';

/** The service context of a run, with the case's clock dues. */
export interface ClockServiceContext extends ServiceContext {
  /** The dues of the clocks this instance sees by name; updated in place so timers armed later in the run see them. */
  clocks: ClockDues;
  /** What moved, for the record; non-empty makes the runner refresh the case afterwards. */
  changed: string[];
}

/**
 * Statutory clocks driven from a diagram:
 * `${services.startClock('decision', 'P90CD')}`, `${services.pauseClock('decision')}`,
 * `${services.resumeClock('decision')}`, `${services.extendClock('decision', 'P30CD')}`,
 * `${services.stopClock('decision')}`.
 * A start may count from an earlier time held in a variable (a date or an ISO date-time with
 * its zone), e.g. the publication limit from the decision: `${services.startClock('publication', 'P7WD', decisionDate)}`.
 * A pause or resume may name its reason (text or a variable), kept on the clock's record: time the
 * law excludes from a period (hearing, announcement, testing, appraisal, assessment) must say why,
 * e.g. `${services.pauseClock('decision', exclusionReason)}`, and the recorded day it took effect, so
 * the pause counts from the day the hearing was asked for, not the day that was entered:
 * `${services.pauseClock('decision', '听证', hearingRequestedOn)}`.
 */
export function registerClockServices(registry: ServiceRegistry, caseClocks: CaseClocks): void {
  const change = (kind: ClockChange['kind'], needsPeriod: boolean) => async (call: ServiceCall) => {
    const pauseOrResume = kind === 'pause' || kind === 'resume';
    const [name, secondArg, from] = call.args;
    const period = pauseOrResume ? undefined : secondArg;
    const why = pauseOrResume && secondArg ? `${call.elementId}：${secondArg}` : call.elementId;
    if (!name || (needsPeriod && !period)) throw new Error(`${kind}Clock needs ${needsPeriod ? "a clock name and a period, e.g. ('decision', 'P90CD')" : "a clock name, e.g. ('decision')"}`);
    if (from !== undefined && !(kind === 'start' || pauseOrResume)) throw new Error(`${kind}Clock takes no time: only startClock, pauseClock and resumeClock count from a given time`);
    const start = from === undefined ? undefined : parseInstant(from, `the start of clock "${name}" at ${call.elementId}`);
    const ctx = call.context as ClockServiceContext;
    const derived = await caseClocks.apply(ctx.tx, call.instanceId, name, { kind, period, reason: why, from: start }, ctx.actor);
    ctx.clocks[name] = derived.dueAt?.getTime() ?? null;
    ctx.changed.push(`clock "${name}" ${kind} at ${call.elementId}`);
  };
  registry
    .register('startClock', change('start', true))
    .register('pauseClock', change('pause', false))
    .register('resumeClock', change('resume', false))
    .register('extendClock', change('extend', true))
    .register('stopClock', change('stop', false))
    .register('clockLastDay', clockLastDay);
}

/**
 * `${services.clockLastDay('seizure', 'seizureEndedOn')}` notes the last day of a clock's period
 * (YYYY-MM-DD, Shanghai) in a variable: a seizure ends by law on that day (行政强制法 art. 28),
 * whenever the release is recorded, and the release document says so.
 */
function clockLastDay(call: ServiceCall) {
  const [name, variable] = call.args;
  if (!name || !variable || !/^[A-Za-z_]\w*$/.test(variable)) throw new Error("clockLastDay needs a clock name and a variable name, e.g. ('seizure', 'seizureEndedOn')");
  const due = (call.context as ClockServiceContext).clocks[name];
  if (due === undefined || due === null) throw new Error(`clockLastDay: clock "${name}" has no due time (not started, or paused)`);
  return { [variable]: shanghaiDateOfEnd(new Date(due)) };
}
