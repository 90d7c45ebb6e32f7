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
  /** The arguments written in the expression, as text: literals, and the values of bare variable names. */
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
const VARIABLE_ARG = /^\s*([A-Za-z_]\w*)\s*$/;

/** An argument written in a service expression: a string literal, or a bare process-variable name. */
export type ServiceArg = { value: string } | { variable: string };

/**
 * The service named by an expression such as `${services.notify}`,
 * `${services.startClock('decision', 'P90CD')}` or `${services.startClock('publication', 'P7WD', decisionDate)}`.
 * Arguments are string literals or bare variable names (read when the task runs, as conditions
 * read them), so a diagram can parameterize a service without evaluating code.
 */
export function parseServiceExpression(expression: string | undefined): { name: string; args: ServiceArg[] } | undefined {
  if (!expression) return undefined;
  const m = SERVICE_EXPRESSION.exec(expression.trim());
  if (!m) return undefined;
  const rawArgs = m[2]?.trim() ? m[2].split(',') : [];
  const args: ServiceArg[] = [];
  for (const raw of rawArgs) {
    const literal = STRING_ARG.exec(raw);
    const variable = literal ? null : VARIABLE_ARG.exec(raw);
    if (literal) args.push({ value: literal[1] ?? literal[2] ?? '' });
    else if (variable && !['true', 'false', 'null'].includes(variable[1]!)) args.push({ variable: variable[1]! });
    else return undefined;
  }
  return { name: m[1]!, args };
}

/** The arguments' values for one call: a variable that is not set, or not a text or number, is an error naming it. */
export function resolveServiceArgs(args: ServiceArg[], variables: Record<string, unknown>, where: string): string[] {
  return args.map((arg) => {
    if ('value' in arg) return arg.value;
    const v = variables[arg.variable];
    if (v === undefined || v === null || v === '') throw new Error(`${where}: the process variable "${arg.variable}" given as an argument is not set`);
    if (typeof v !== 'string' && typeof v !== 'number') throw new Error(`${where}: the process variable "${arg.variable}" given as an argument is not a text or a number`);
    return String(v);
  });
}
