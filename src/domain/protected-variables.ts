import { ZhifaError } from '../errors.ts';
import type { FieldError } from './form-messages.ts';
import { readJsonFile } from '../json-file.ts';

/** A user task of a process: the step that may write a variable when its form is submitted. */
export interface Step {
  process: string;
  element: string;
}

export interface VariableOwners {
  /** Why a rule relies on it, in the words staff read. */
  why: string;
  tasks: Step[];
  /** Service tasks that set it (documentation: services run inside the engine, never through a request). */
  services: Array<Step & { service: string }>;
}

/** Who writes a submission: a start, a message, or the completion of one step. */
export type Writer = { kind: 'start' } | { kind: 'message'; name: string } | { kind: 'task'; step: Step };

/**
 * The case variables a rule relies on (legalReviewPassed, the review opinion, certified officers,
 * clock and payment results, issued document numbers …), kept as data in
 * rules/protected-variables.json: each names the steps and services that own it. A start, a message
 * or another step that carries one would forge what the rule checks, so it is refused whoever sends
 * it; only the owning step's own form may write it.
 */
export class ProtectedVariables {
  private constructor(private readonly owners: ReadonlyMap<string, VariableOwners>) {}

  /** Read once at start: a file that is missing or malformed stops the server naming the file and the entry. */
  static load(file: string): ProtectedVariables {
    let data: { variables?: unknown };
    try {
      data = readJsonFile(file);
    } catch (err) {
      throw new Error(`protected variables ${file} cannot be read: ${err instanceof Error ? err.message : String(err)}`);
    }
    return ProtectedVariables.from(data, file);
  }

  static from(data: { variables?: unknown }, file = 'protected variables'): ProtectedVariables {
    const vars = data?.variables;
    if (!vars || typeof vars !== 'object' || Array.isArray(vars)) throw new Error(`${file} needs "variables": {"<name>": {"why", "tasks", "services"}}`);
    const owners = new Map<string, VariableOwners>();
    for (const [name, entry] of Object.entries(vars as Record<string, Partial<VariableOwners>>)) {
      const problem = entryProblem(entry);
      if (problem) throw new Error(`${file}: "${name}": ${problem}`);
      owners.set(name, entry as VariableOwners);
    }
    return new ProtectedVariables(owners);
  }

  names(): string[] {
    return [...this.owners.keys()];
  }

  ownersOf(name: string): VariableOwners | undefined {
    return this.owners.get(name);
  }

  /** The protected variables this writer may not set, one message each naming who owns it. */
  refused(variables: Record<string, unknown>, writer: Writer): FieldError[] {
    const errors: FieldError[] = [];
    for (const name of Object.keys(variables)) {
      const owners = this.owners.get(name);
      if (!owners) continue;
      if (writer.kind === 'task' && owners.tasks.some((t) => t.process === writer.step.process && t.element === writer.step.element)) continue;
      errors.push({ field: name, message: `「${name}」（${owners.why}）只能由${describeOwners(owners)}写入，${WRITER_WORDS[writer.kind]}不得携带` });
    }
    return errors;
  }

  /** Throws a 422 naming each refused variable and its owners; nothing is applied. */
  assertWritable(variables: Record<string, unknown>, writer: Writer): void {
    const errors = this.refused(variables, writer);
    if (errors.length) throw new ZhifaError('unprocessable', `受保护的案件变量：${errors.map((e) => e.message).join('；')}`, { extra: { errors } });
  }
}

const WRITER_WORDS: Record<Writer['kind'], string> = { start: '启动案件时', message: '消息', task: '其他环节' };

function describeOwners(o: VariableOwners): string {
  const parts = [
    ...o.tasks.map((t) => `流程 ${t.process} 的环节 ${t.element}`),
    ...o.services.map((s) => `流程 ${s.process} 的服务任务 ${s.element}（${s.service}）`),
  ];
  return parts.join('、');
}

function entryProblem(entry: Partial<VariableOwners> | undefined): string | null {
  if (!entry || typeof entry.why !== 'string' || !entry.why.trim()) return 'needs "why": the rule that relies on it';
  if (!Array.isArray(entry.tasks) || !Array.isArray(entry.services)) return 'needs "tasks" and "services" (lists, possibly empty)';
  if (!entry.tasks.length && !entry.services.length) return 'names no owner: list the step (tasks) or service (services) that writes it';
  const step = (s: Partial<Step> | undefined) => typeof s?.process === 'string' && s.process !== '' && typeof s.element === 'string' && s.element !== '';
  if (!entry.tasks.every(step)) return '"tasks" must be a list of {"process": "<process id>", "element": "<user task id>"}';
  if (!entry.services.every((s) => step(s) && typeof s.service === 'string' && s.service !== '')) return '"services" must be a list of {"service", "process", "element"}';
  return null;
}
