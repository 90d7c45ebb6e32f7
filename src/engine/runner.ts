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
import { checkDiagramFacts, DEFAULT_LIMITS, type EngineLimits } from './diagram-checks.ts';
import { elementLabel } from './diagram-facts.ts';
import { CommandLimitError, DeploymentError, EngineError, EngineErrorCodes, EngineRunError } from './errors.ts';
import { TrustedScripts } from './scripts.ts';
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
  limits?: EngineLimits;
  /** Whether an administrator trusts the script with this SHA-256 (hex) of its text. */
  trustedScript?: (sha256: string) => boolean;
}

export { EngineRunError };

const SETTLE_LIMIT = 100_000;

/**
 * The facade over bpmn-engine. It holds no instance between calls: each run recovers the
 * stored state, resumes, applies one command, runs until nothing more can happen, stops, and
 * returns the new state with what changed (waits, armed timers, fired timers, trail).
 */
export class ProcessEngine {
  readonly elements: ElementTypes;
  readonly limits: EngineLimits;
  private readonly contexts = new RunContexts();
  private readonly trustedScript: (sha256: string) => boolean;

  constructor(private readonly deps: EngineDeps) {
    this.limits = deps.limits ?? DEFAULT_LIMITS;
    this.trustedScript = deps.trustedScript ?? (() => false);
    this.elements = {
      ...Elements,
      ...sharedScopeSubProcesses,
      TimerEventDefinition: createTimerEventDefinition(deps.clock, deps.periods, this.contexts),
      ServiceImplementation: createServiceImplementation(deps.services, this.contexts),
    };
  }

  /**
   * Serialize a parsed diagram for running. Refuses first what must never reach the serializer
   * or the engine (nesting that would overflow their recursion, scripts, oversize), then literal
   * time expressions that do not parse; every problem at once.
   */
  compile(parsed: ParsedBpmn): CompiledDefinition {
    const problems = checkDiagramFacts(parsed.facts, this.limits, this.trustedScript);
    if (parsed.facts.nesting.depth <= this.limits.maxNesting) {
      for (const message of checkTimeExpressions(parsed.moddleContext, this.deps.periods, this.deps.clock.now())) {
        // Time-expression problems start with their element id (time-expressions.ts).
        problems.push({ message: `the BPMN document has a time expression Zhifa cannot read: ${message}`, elementId: /^([^\s:]+): /.exec(message)?.[1] ?? null });
      }
    }
    if (problems.length) throw new DeploymentError(EngineErrorCodes.refusedDiagram, problems);
    return compile(parsed, this.elements);
  }

  run(instanceId: string, definition: CompiledDefinition, state: unknown, command: EngineCommand, context: RunContext = { clocks: {} }): Promise<RunOutcome> {
    const withPending: RunContext = { ...context, pending: new Set() };
    return this.contexts.with(instanceId, withPending, () => this.runInContext(instanceId, definition, state, command, withPending));
  }

  private async runInContext(instanceId: string, definition: CompiledDefinition, state: unknown, command: EngineCommand, context: RunContext): Promise<RunOutcome> {
    const { clock, periods } = this.deps;
    const listener = new EventEmitter();
    const tracker = new WaitTracker(listener, clock, periods, context);
    const trail: TrailEntry[] = [];
    const firedTimers: string[] = [];
    let failure: unknown;
    let ended = false;
    let steps = 0;
    const { maxStepsPerCommand } = this.limits;

    // The engine runs synchronously from one wait state to the next: a loop without a wait, or a
    // very long chain, would hold the CPU and then overflow the stack. Throwing here unwinds the
    // engine's whole synchronous run; the engine is dropped and the command rolled back.
    listener.on('activity.start', (api: ElementApi) => {
      if (++steps <= maxStepsPerCommand) return;
      const err = new CommandLimitError(
        `流程在一次操作中启动了超过 ${maxStepsPerCommand} 个环节仍未停下（等待、定时或结束），已撤销本次操作；最后运行到${elementLabel(api.id, api.name)}，请检查此处是否有不经等待的循环`,
        api.id,
      );
      failure ??= err;
      throw err;
    });
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
    const scripts = new TrustedScripts({ trusted: this.trustedScript, timeoutMs: this.limits.scriptTimeoutMs, memoryMb: this.limits.scriptMemoryMb });
    const engine = new Engine({
      name: instanceId,
      sourceContext: definition.sourceContext,
      elements: this.elements,
      timers,
      settings: { [INSTANCE_SETTING]: instanceId },
      Logger: silentLogger,
      expressions,
      scripts,
    } as never);
    engine.on('error', (err: unknown) => (failure = err));
    engine.on('end', () => (ended = true));

    const settle = async () => {
      for (let i = 0; i < SETTLE_LIMIT; i++) {
        if (failure) throw asEngineError(failure);
        if (ended || engine.activityStatus !== 'executing') return;
        // A trusted script runs in a worker: wait for it rather than spin.
        if (scripts.pending.size) await Promise.all(scripts.pending);
        else if (context.pending?.size) await Promise.all(context.pending); // settled or failed, the engine hears it by its callback
        else await nextTurn();
      }
      throw new EngineRunError(`instance ${instanceId} did not settle`);
    };
    const guarded = async (step: () => unknown) => {
      try {
        await step();
      } catch (err) {
        throw asEngineError(failure ?? err);
      }
    };

    if (command.type === 'start') {
      await guarded(() => engine.execute({ listener, variables: command.variables } as never));
    } else {
      engine.recover(state as never);
      await guarded(() => engine.resume({ listener } as never));
    }
    await settle();

    if (command.type === 'signal' || command.type === 'error') {
      const api = tracker.apiOf(command.executionId);
      if (!api) throw new EngineRunError(`nothing waits at execution ${command.executionId} of instance ${instanceId}`);
      await guarded(() => {
        if (command.type === 'signal') {
          if (command.variables) api.environment.assignVariables(command.variables);
          api.signal(command.variables ?? {});
        } else {
          api.sendApiMessage('error', { message: command.message ?? command.errorCode, code: command.errorCode });
        }
      });
      await settle();
    }

    const variables = readVariables(engine);
    const timersArmed = ended ? [] : armedTimers(timers);
    const waits = ended ? [] : tracker.waits();
    if (failure) throw asEngineError(failure);
    // getState() of a settled engine recovers the same as that of a stopped one; stop() only
    // costs a broker round per element, and the engine is dropped after this run anyway.
    const saved = (await engine.getState().catch((err: unknown) => Promise.reject(asEngineError(err)))) as { definitions: Array<Record<string, unknown>> };
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

/** What a failed run throws: a step-limit error as it is; a stack overflow is a limit too; anything else a run failure. */
function asEngineError(err: unknown): EngineError {
  if (err instanceof EngineError) return err;
  if (err instanceof RangeError && /call stack/i.test(err.message)) {
    return new CommandLimitError('流程在一次操作中运行的环节过多（调用栈溢出），已撤销本次操作；请检查是否有不经等待的循环或过长的连续环节', null);
  }
  return new EngineRunError(describe(err), { cause: err });
}

function describe(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (err && typeof err === 'object' && 'message' in err) return String((err as { message: unknown }).message);
  return String(err);
}
