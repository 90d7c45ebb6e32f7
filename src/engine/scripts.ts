import { scriptHash } from './diagram-facts.ts';
import { runSandboxed, type ScriptInput } from './script-sandbox.ts';

interface Registrable {
  id: string;
  type: string;
  behaviour: { scriptFormat?: string; script?: string; conditionExpression?: { language?: string; body?: string } };
}
interface ExecutionScope {
  content: Record<string, unknown>;
  environment: { variables: Record<string, unknown>; assignVariables(v: Record<string, unknown>): void };
}
type Next = (err: Error | null, result?: unknown) => void;

export interface ScriptPolicy {
  trusted(sha256: string): boolean;
  timeoutMs: number;
  memoryMb: number;
}

/**
 * bpmn-elements' `scripts` hook (register/getScript). bpmn-engine's default runs every script
 * with `vm` in the server process; this one knows only scripts an administrator trusts by the
 * SHA-256 of their text, and runs each in a worker (script-sandbox.ts). Any other script is not
 * registered, so its element fails instead of running (deployment refuses it before that).
 * A script finishes asynchronously: `pending` is what the runner waits for before it saves.
 */
export class TrustedScripts {
  private readonly scripts = new Map<string, { execute(scope: ExecutionScope, next: Next): void }>();
  readonly pending = new Set<Promise<void>>();

  constructor(private readonly policy: ScriptPolicy) {}

  register({ id, type, behaviour }: Registrable) {
    const condition = type === 'bpmn:SequenceFlow';
    const language = condition ? behaviour.conditionExpression?.language : behaviour.scriptFormat;
    const body = condition ? behaviour.conditionExpression?.body : behaviour.script;
    if (!language || !body || !/^(javascript|js)$/i.test(language) || !this.policy.trusted(scriptHash(body))) return undefined;
    const filename = `${type}/${id}`;
    const script = { execute: (scope: ExecutionScope, next: Next) => this.execute(body, filename, scope, next) };
    this.scripts.set(id, script);
    return script;
  }

  getScript(_language: string, { id }: { id: string }) {
    return this.scripts.get(id);
  }

  private execute(body: string, filename: string, scope: ExecutionScope, next: Next): void {
    let input: ScriptInput;
    try {
      input = JSON.parse(JSON.stringify({ variables: scope.environment.variables, content: scope.content })) as ScriptInput;
    } catch (err) {
      return next(new Error(`脚本 ${filename} 的输入不是 JSON 数据：${err instanceof Error ? err.message : String(err)}`));
    }
    const run = runSandboxed(body, filename, input, { timeoutMs: this.policy.timeoutMs, memoryMb: this.policy.memoryMb }).then(
      ({ result, output }) => {
        if (Object.keys(output).length) scope.environment.assignVariables(output);
        next(null, result);
      },
      (err: unknown) => next(err instanceof Error ? err : new Error(String(err))),
    );
    const tracked = run.finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }
}
