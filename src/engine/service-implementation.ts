import type { RunContexts } from './run-context.ts';
import { parseServiceExpression, resolveServiceArgs, type ServiceRegistry } from './services.ts';

interface ActivityLike {
  id: string;
  type: string;
  behaviour: { implementation?: string; expression?: string; delegateExpression?: string };
  environment: { variables: Record<string, unknown>; settings: Record<string, unknown>; assignVariables(v: Record<string, unknown>): void };
}
interface ExecuteMessage { content: { executionId: string } }
type Callback = (err: Error | null, output?: unknown) => void;

/** The engine setting that tells a service call which instance it runs for. */
export const INSTANCE_SETTING = 'zhifaInstanceId';

/**
 * Replaces bpmn-elements' ServiceImplementation: a service task names a registered service,
 * whose result is merged into the process variables. An unknown name is an error, never a no-op.
 */
export function createServiceImplementation(registry: ServiceRegistry, contexts: RunContexts) {
  function ZhifaService(this: { activity: ActivityLike; expression: string; type: string }, activity: ActivityLike) {
    const b = activity.behaviour;
    this.activity = activity;
    this.type = `${activity.type}:zhifa-service`;
    this.expression = b.implementation ?? b.expression ?? b.delegateExpression ?? '';
  }

  ZhifaService.prototype.execute = function execute(
    this: { activity: ActivityLike; expression: string },
    message: ExecuteMessage,
    callback: Callback,
  ) {
    const parsed = parseServiceExpression(this.expression);
    const fn = parsed ? registry.get(parsed.name) : undefined;
    if (!fn) {
      const known = registry.names().join(', ') || 'none';
      return callback(new Error(`service task <${this.activity.id}>: "${this.expression}" does not name a registered service (known: ${known})`));
    }
    const env = this.activity.environment;
    const instanceId = String(env.settings[INSTANCE_SETTING] ?? '');
    const variables = { ...env.variables };
    const pending = contexts.get(instanceId).pending;
    const call = Promise.resolve()
      .then(() => fn({
        instanceId,
        elementId: this.activity.id,
        idempotencyKey: `${instanceId}:${message.content.executionId}`,
        variables,
        args: resolveServiceArgs(parsed!.args, variables, `service task <${this.activity.id}> ${parsed!.name}`),
        context: contexts.get(instanceId).services,
      }))
      .then(
        (output) => {
          if (output && typeof output === 'object') env.assignVariables(output);
          callback(null, output ?? {});
        },
        (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
      );
    if (pending) {
      pending.add(call);
      const done = () => pending.delete(call);
      call.then(done, done);
    }
  };

  return ZhifaService;
}
