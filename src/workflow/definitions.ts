import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../clock.ts';
import type { CompiledDefinition } from '../engine/compile.ts';
import { parseBpmn } from '../engine/compile.ts';
import { checkDiagramText } from '../domain/diagram-text.ts';
import type { ProcessEngine } from '../engine/runner.ts';
import { badRequest, notFound, ZhifaError } from '../errors.ts';
import { parseStepList } from '../notifications/reminder-policy.ts';
import type { Db, DbOrTx } from '../store/db.ts';
import { definitionById, insertDefinition, latestDefinition, type DefinitionRow } from '../store/definitions.ts';

/** One reason a diagram would be refused, with the element it names when it names one. */
export interface DiagramProblem {
  message: string;
  elementId: string | null;
}

export interface Deployed {
  id: number;
  key: string;
  version: number;
  name: string | null;
  created: boolean;
}

/**
 * Deployed BPMN, versioned per process key. The compiled context of each version is built
 * once per server process and reused by every command on an instance of that version.
 */
export class Definitions {
  private readonly compiled = new Map<number, Promise<CompiledDefinition>>();

  constructor(readonly db: Db, private readonly engine: ProcessEngine, private readonly clock: Clock) {}

  /** Validate and store; identical content to the latest version is not a new version. */
  async deploy(xml: string, deployedBy: string | null): Promise<Deployed> {
    const parsed = await parseBpmn(xml);
    checkDiagramText(parsed);
    const compiled = this.engine.compile(parsed);
    checkReminderOverrides(parsed.reminderOverrides);
    const hash = createHash('sha256').update(xml.trim()).digest('hex');
    return this.db.transaction(async (tx) => {
      const latest = await latestDefinition(tx, parsed.processId);
      if (latest && latest.hash === hash) return { id: latest.id, key: latest.key, version: latest.version, name: latest.name, created: false };
      const version = (latest?.version ?? 0) + 1;
      const id = await insertDefinition(tx, {
        key: parsed.processId,
        version,
        name: parsed.processName ?? null,
        xml: xml.trim(),
        hash,
        deployed_at: this.clock.now().getTime(),
        deployed_by: deployedBy,
      });
      this.compiled.set(id, Promise.resolve(compiled));
      return { id, key: parsed.processId, version, name: parsed.processName ?? null, created: true };
    });
  }

  /** The checks `deploy` makes, without storing anything: the problems, none when it would deploy. */
  async check(xml: string): Promise<DiagramProblem[]> {
    try {
      const parsed = await parseBpmn(xml);
      checkDiagramText(parsed);
      this.engine.compile(parsed);
      checkReminderOverrides(parsed.reminderOverrides);
      return [];
    } catch (err) {
      if (err instanceof ZhifaError && err.status === 400) return diagramProblems(err);
      throw err;
    }
  }

  async deployDirectory(dir: string, deployedBy: string | null): Promise<Deployed[]> {
    if (!fs.existsSync(dir)) return [];
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.bpmn')).sort();
    const result: Deployed[] = [];
    for (const file of files) {
      try {
        result.push(await this.deploy(fs.readFileSync(path.join(dir, file), 'utf8'), deployedBy));
      } catch (err) {
        throw new Error(`cannot deploy ${path.join(dir, file)}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
      }
    }
    return result;
  }

  async latest(db: DbOrTx, key: string): Promise<DefinitionRow> {
    const row = await latestDefinition(db, key);
    if (!row) throw notFound(`no process with key "${key}" is deployed`);
    return row;
  }

  async compiledById(db: DbOrTx, id: number): Promise<CompiledDefinition> {
    let entry = this.compiled.get(id);
    if (!entry) {
      entry = (async () => {
        const row = await definitionById(db, id);
        if (!row) throw notFound(`definition ${id} does not exist`);
        return this.engine.compile(await parseBpmn(row.xml));
      })();
      this.compiled.set(id, entry);
      entry.catch(() => this.compiled.delete(id));
    }
    return entry;
  }
}

/** A refused deployment's reasons, one per problem. */
/** A task's `zhifa:reminders` property that cannot be read is refused with the diagram, naming the task. */
function checkReminderOverrides(overrides: Record<string, string>): void {
  const problems: string[] = [];
  for (const [elementId, text] of Object.entries(overrides)) {
    try {
      parseStepList(text, `${elementId}: zhifa:reminders`);
    } catch (err) {
      problems.push(err instanceof Error ? err.message : String(err));
    }
  }
  if (problems.length) throw badRequest(`the BPMN document has reminder policies Zhifa cannot read: ${problems.join('; ')}`, { problems });
}

export function diagramProblems(err: ZhifaError): DiagramProblem[] {
  const problems = err.extra?.problems as string[] | undefined;
  if (!problems?.length) return [{ message: err.detail, elementId: null }];
  const ids = (err.extra?.elementIds ?? []) as Array<string | null>;
  // Time-expression problems start with their element id (engine/time-expressions.ts).
  return problems.map((message, i) => ({ message, elementId: ids[i] ?? /^([^\s:]+): /.exec(message)?.[1] ?? null }));
}
