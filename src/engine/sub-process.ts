import * as Elements from 'bpmn-elements';
import * as Tasks from 'bpmn-elements/tasks';

/** What bpmn-elements keeps among an execution's variables: the message it runs on, not case data. */
export const ENGINE_KEYS: readonly string[] = ['fields', 'content', 'properties'];

// bpmn-elements' Environment keeps its variables under this registered symbol.
const kVariables = Symbol.for('variables');

type Variables = Record<string, unknown>;
interface Environment {
  readonly variables: Variables;
  assignVariables(vars: Variables): void;
  clone(): Environment;
  recover(state?: { variables?: Variables }): Environment;
  [kVariables]: Variables;
}
interface ActivityLike {
  environment: Environment;
  Behaviour: unknown;
}
type ElementFactory = (activityDef: unknown, context: unknown) => ActivityLike;

// bpmn-elements' package types declare 'bpmn-elements/tasks' with the main module's types.
const { SubProcessBehaviour } = Tasks as unknown as { SubProcessBehaviour: unknown };

const split = (vars: Variables): [Variables, Variables] => {
  const own: Variables = {};
  const shared: Variables = {};
  for (const [k, v] of Object.entries(vars)) (ENGINE_KEYS.includes(k) ? own : shared)[k] = v;
  return [own, shared];
};

/**
 * The environment of one sub-process execution. bpmn-elements gives each execution a copy of the
 * enclosing environment (SubProcessBehaviour clones it on execute and on recover), so a form
 * completed or a service run inside a bpmn:subProcess set variables its process never saw.
 * Zhifa, like Camunda, gives an embedded sub-process no variables of its own: reads and writes go
 * to the enclosing environment, except the execution's run message, which each execution (each
 * multi-instance iteration too) keeps for itself and which stays out of the stored state.
 */
function sharedScope(enclosing: Environment): Environment {
  const env = enclosing.clone();
  env[kVariables] = split(env[kVariables])[0];
  Object.defineProperty(env, 'variables', { get: () => ({ ...enclosing.variables, ...env[kVariables] }) });
  env.assignVariables = (vars: Variables) => {
    if (!vars || typeof vars !== 'object') return;
    const [own, shared] = split(vars);
    env[kVariables] = { ...env[kVariables], ...own };
    if (Object.keys(shared).length) enclosing.assignVariables(shared);
  };
  const recover = env.recover.bind(env);
  env.recover = (state) => recover(state && { ...state, variables: split(state.variables ?? {})[0] });
  return env;
}

const Base = SubProcessBehaviour as unknown as new (activity: ActivityLike, context: unknown) => { environment: unknown };

class SharedScopeSubProcessBehaviour extends Base {
  constructor(activity: ActivityLike, context: unknown) {
    super(activity, context);
    const enclosing = activity.environment;
    // SubProcessBehaviour reads its environment only to clone one for each execution.
    this.environment = Object.create(enclosing, { clone: { value: () => sharedScope(enclosing) } });
  }
}

function sharingScope(Element: unknown): ElementFactory {
  // A function, not an arrow: bpmn-elements constructs element types with `new`.
  return function SharedScopeElement(activityDef: unknown, context: unknown) {
    const activity = (Element as ElementFactory)(activityDef, context);
    if (activity.Behaviour === SubProcessBehaviour) activity.Behaviour = SharedScopeSubProcessBehaviour;
    return activity;
  };
}

/** The element types built on SubProcessBehaviour, each running its executions in the enclosing variable scope. */
export const sharedScopeSubProcesses = {
  SubProcess: sharingScope(Elements.SubProcess),
  AdHocSubProcess: sharingScope((Elements as Record<string, unknown>).AdHocSubProcess),
  Transaction: sharingScope(Elements.Transaction),
};
