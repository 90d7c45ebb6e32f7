/**
 * Services are the named, idempotent operations a BPMN service task may call
 * (`camunda:expression="${services.name}"` or `implementation="${environment.services.name}"`).
 * The engine facade sees only this registry; what a service touches is built elsewhere.
 */
export interface ServiceCall {
  instanceId: string;
  elementId: string;
  /** Stable across resumes: the key that makes a re-run service a no-op. */
  idempotencyKey: string;
  variables: Record<string, unknown>;
  /** String arguments written in the expression: `${services.startClock('decision', 'P90CD')}`. */
  args: string[];
  /** Whatever the caller of the run handed over for services (opaque to the engine). */
  context: unknown;
}

export type ServiceFn = (call: ServiceCall) => Promise<Record<string, unknown> | void> | Record<string, unknown> | void;

export class ServiceRegistry {
  private readonly services = new Map<string, ServiceFn>();

  register(name: string, fn: ServiceFn): this {
    if (!/^[A-Za-z_][\w]*$/.test(name)) throw new Error(`service name "${name}" must be an identifier`);
    this.services.set(name, fn);
    return this;
  }

  get(name: string): ServiceFn | undefined {
    return this.services.get(name);
  }

  names(): string[] {
    return [...this.services.keys()];
  }
}

const SERVICE_EXPRESSION = /^\$\{\s*(?:environment\.)?services\.([A-Za-z_]\w*)\s*(?:\((.*)\))?\s*\}$/;
const STRING_ARG = /^\s*(?:'([^']*)'|"([^"]*)")\s*$/;

/**
 * The service named by an expression such as `${services.notify}` or
 * `${services.startClock('decision', 'P90CD')}`; arguments are string literals only, so a
 * diagram can parameterize a service without evaluating code.
 */
export function parseServiceExpression(expression: string | undefined): { name: string; args: string[] } | undefined {
  if (!expression) return undefined;
  const m = SERVICE_EXPRESSION.exec(expression.trim());
  if (!m) return undefined;
  const rawArgs = m[2]?.trim() ? m[2].split(',') : [];
  const args: string[] = [];
  for (const raw of rawArgs) {
    const a = STRING_ARG.exec(raw);
    if (!a) return undefined;
    args.push(a[1] ?? a[2] ?? '');
  }
  return { name: m[1]!, args };
}
