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

const SERVICE_EXPRESSION = /^\$\{\s*(?:environment\.)?services\.([A-Za-z_]\w*)\s*(?:\(\s*\))?\s*\}$/;

/** The service name in an expression such as `${services.notify}`, or undefined. */
export function serviceNameOf(expression: string | undefined): string | undefined {
  if (!expression) return undefined;
  return SERVICE_EXPRESSION.exec(expression.trim())?.[1];
}
