import { EventEmitter } from 'node:events';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Engine } from 'bpmn-engine';
import * as Elements from 'bpmn-elements';
import type { Clock } from '../clock.ts';
import { compile, type CompiledDefinition, type ElementTypes, type ParsedBpmn } from './compile.ts';
import type { EngineCommand, RunOutcome, TrailEntry } from './commands.ts';
import { armedTimers, createNullTimers } from './null-timers.ts';
import type { PeriodResolver } from './periods.ts';
import { checkTimeExpressions } from './time-expressions.ts';
import { createExpressions } from './expression-language.ts';
import { badRequest } from '../errors.ts';
import { RunContexts, type RunContext } from './run-context.ts';
import { createServiceImplementation, INSTANCE_SETTING } from './service-implementation.ts';
import type { ServiceRegistry } from './services.ts';
import { ENGINE_KEYS, sharedScopeSubProcesses } from './sub-process.ts';
import { createTimerEventDefinition } from './timer-event-definition.ts';
import { WaitTracker, type ElementApi } from './wait-tracker.ts';

export interface EngineDeps {
  clock: Clock;
  periods: PeriodResolver;
  services: ServiceRegistry;
}

/** Thrown when the engine itself fails a command; the caller rolls the whole command back. */
export class EngineRunError extends Error {}

const SETTLE_LIMIT = 100_000;

/**
 * The facade over bpmn-engine. It holds no instance between calls: each run recovers the
 * stored state, resumes, applies one command, runs until nothing more can happen, stops, and
 * returns the new state with what changed (waits, armed timers, fired timers, trail).
 */
export class ProcessEngine {
  readonly elements: ElementTypes;
  private readonly contexts = new RunContexts();

  constructor(private readonly deps: EngineDeps) {
    this.elements = {
      ...Elements,
      ...sharedScopeSubProcesses,
      TimerEventDefinition: createTimerEventDefinition(deps.clock, deps.periods, this.contexts),
      ServiceImplementation: createServiceImplementation(deps.services, this.contexts),
    };
  }

  /** Serialize a parsed diagram for running; refuses literal time expressions that do not parse. */
  compile(parsed: ParsedBpmn): CompiledDefinition {
    const problems = checkTimeExpressions(parsed.moddleContext, this.deps.periods, this.deps.clock.now());
    if (problems.length) throw badRequest(`the BPMN document has time expressions Zhifa cannot read: ${problems.join('; ')}`, { problems });
    return compile(parsed, this.elements);
  }

  run(instanceId: string, definition: CompiledDefinition, state: unknown, command: EngineCommand, context: RunContext = { clocks: {} }): Promise<RunOutcome> {
    return this.contexts.with(instanceId, context, () => this.runInContext(instanceId, definition, state, command, context));
  }

  private async runInContext(instanceId: string, definition: CompiledDefinition, state: unknown, command: EngineCommand, context: RunContext): Promise<RunOutcome> {
    const { clock, periods } = this.deps;
    const listener = new EventEmitter();
    const tracker = new WaitTracker(listener, clock, periods, context);
    const trail: TrailEntry[] = [];
    const firedTimers: string[] = [];
    let failure: unknown;
    let ended = false;

    listener.on('activity.end', (api: ElementApi) => {
      if (api.content.isSequenceFlow || api.content.isRootScope === false) return;
      trail.push({ kind: 'activity.end', elementId: api.id, elementType: api.type, name: api.name, at: clock.now() });
    });
    listener.on('activity.timeout', (api: ElementApi) => {
      if (api.content.state === 'cancel') return;
      firedTimers.push(api.content.executionId);
      trail.push({ kind: 'timer.fired', elementId: api.id, elementType: api.type, name: api.name, at: clock.now() });
    });

    const timers = createNullTimers();
    const engine = new Engine({
      name: instanceId,
      sourceContext: definition.sourceContext,
      elements: this.elements,
      timers,
      settings: { [INSTANCE_SETTING]: instanceId },
      Logger: silentLogger,
      expressions,
    } as never);
    engine.on('error', (err: unknown) => (failure = err));
    engine.on('end', () => (ended = true));

    const settle = async () => {
      for (let i = 0; i < SETTLE_LIMIT; i++) {
        if (failure) throw new EngineRunError(describe(failure), { cause: failure });
        if (ended || engine.activityStatus !== 'executing') return;
        await nextTurn();
      }
      throw new EngineRunError(`instance ${instanceId} did not settle`);
    };

    if (command.type === 'start') {
      await engine.execute({ listener, variables: command.variables } as never);
    } else {
      engine.recover(state as never);
      await engine.resume({ listener } as never);
    }
    await settle();

    if (command.type === 'signal' || command.type === 'error') {
      const api = tracker.apiOf(command.executionId);
      if (!api) throw new EngineRunError(`nothing waits at execution ${command.executionId} of instance ${instanceId}`);
      if (command.type === 'signal') {
        if (command.variables) api.environment.assignVariables(command.variables);
        api.signal(command.variables ?? {});
      } else {
        api.sendApiMessage('error', { message: command.message ?? command.errorCode, code: command.errorCode });
      }
      await settle();
    }

    const variables = readVariables(engine);
    const timersArmed = ended ? [] : armedTimers(timers);
    const waits = ended ? [] : tracker.waits();
    if (failure) throw new EngineRunError(describe(failure), { cause: failure });
    // getState() of a settled engine recovers the same as that of a stopped one; stop() only
    // costs a broker round per element, and the engine is dropped after this run anyway.
    const saved = (await engine.getState()) as { definitions: Array<Record<string, unknown>> };
    for (const d of saved.definitions) delete d.source;
    if (ended) trail.push({ kind: 'process.end', elementId: definition.processId, at: clock.now() });
    return { state: saved, status: ended ? 'completed' : 'running', variables, waits, timers: timersArmed, firedTimers, trail };
  }
}

// bpmn-engine's default logger builds `debug` loggers (and probes the TTY) for every element of
// every run: measurable on a path that recreates the engine per command. Zhifa records history itself.
const expressions = createExpressions();
const silentLogger = () => ({ debug() {}, error() {}, warn() {} });

function readVariables(engine: Engine): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const definitions = (engine.execution?.definitions ?? []) as unknown as Array<{ getProcesses(): Array<{ environment: { variables: Record<string, unknown> } }> }>;
  for (const d of definitions) for (const p of d.getProcesses()) Object.assign(result, p.environment.variables);
  // bpmn-elements keeps the process's own run message among its variables; it is not case data.
  for (const key of ENGINE_KEYS) delete result[key];
  return result;
}

function describe(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (err && typeof err === 'object' && 'message' in err) return String((err as { message: unknown }).message);
  return String(err);
}
