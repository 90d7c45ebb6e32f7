import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../clock.ts';
import type { CompiledDefinition, ParsedBpmn } from '../engine/compile.ts';
import { parseBpmn } from '../engine/compile.ts';
import { clockNamesIn } from '../domain/clock-catalog.ts';
import { diagramTextProblems } from '../domain/diagram-text.ts';
import { elementLabel } from '../engine/diagram-facts.ts';
import { DeploymentError, EngineErrorCodes, type DiagramProblem } from '../engine/errors.ts';
import type { ProcessEngine } from '../engine/runner.ts';
import { notFound } from '../errors.ts';
import { parseStepList } from '../notifications/reminder-policy.ts';
import type { Db, DbOrTx } from '../store/db.ts';
import { definitionById, definitionByVersion, insertDefinition, isSqliteBusy, isUniqueViolation, latestDefinition, listDefinitions, runningCountsByDefinition, type DefinitionRow } from '../store/definitions.ts';

export type { DiagramProblem };
export type { DefinitionRow };

/** A deployed version without its XML: what lists show. */
export type DeployedVersion = Omit<DefinitionRow, 'xml'>;

/** A process key with its deployed versions, newest first; its name is the newest version's. */
export interface DeployedProcess {
  key: string;
  name: string;
  versions: Array<DeployedVersion & { running?: number }>;
}

/** Whether the forms directory has a form with this key. */
export type KnownForm = (formKey: string) => boolean;

/** Whether rules/clocks.json lists this clock (its label and whether it is statutory). */
export type KnownClock = (name: string) => boolean;

/** Two deployments of one key at once: the loser of the insert reads again and takes the next version. */
const DEPLOY_ATTEMPTS = 10;

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

  constructor(readonly db: Db, private readonly engine: ProcessEngine, private readonly clock: Clock, private readonly knownForm?: KnownForm, private readonly knownClock?: KnownClock) {}

  /**
   * Every check a deployment makes, in one place: the modeler's validate, the API, the admin
   * page, the CLI and start-up all come through here. Throws one DeploymentError with every problem.
   */
  async prepare(xml: string): Promise<{ parsed: ParsedBpmn; compiled: CompiledDefinition }> {
    const parsed = await parseBpmn(xml);
    const problems: DiagramProblem[] = [...diagramTextProblems(parsed), ...reminderProblems(parsed.reminderOverrides), ...this.formProblems(parsed), ...this.clockProblems(xml)];
    let compiled: CompiledDefinition | undefined;
    try {
      compiled = this.engine.compile(parsed);
    } catch (err) {
      if (!(err instanceof DeploymentError)) throw err;
      problems.unshift(...err.problems);
    }
    if (problems.length || !compiled) throw new DeploymentError(EngineErrorCodes.refusedDiagram, problems);
    return { parsed, compiled };
  }

  /** Validate and store; identical content to the latest version is not a new version. */
  async deploy(xml: string, deployedBy: string | null): Promise<Deployed> {
    const { parsed, compiled } = await this.prepare(xml);
    const hash = createHash('sha256').update(xml.trim()).digest('hex');
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.store(parsed, compiled, xml, hash, deployedBy);
      } catch (err) {
        // Two processes deploying at once (a fresh database started twice): the loser reads again.
        if (!(isUniqueViolation(err) || isSqliteBusy(err)) || attempt >= DEPLOY_ATTEMPTS) throw err;
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
      }
    }
  }

  private store(parsed: ParsedBpmn, compiled: CompiledDefinition, xml: string, hash: string, deployedBy: string | null): Promise<Deployed> {
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
      await this.prepare(xml);
      return [];
    } catch (err) {
      if (err instanceof DeploymentError) return err.problems;
      throw err;
    }
  }

  /** A user task whose form key names no form would be completed with no checks at all. */
  private formProblems(parsed: ParsedBpmn): DiagramProblem[] {
    const known = this.knownForm;
    if (!known) return [];
    return parsed.facts.userTaskForms
      .filter((t) => !t.formKey.includes('${') && !known(t.formKey.trim()))
      .map((t) => ({ message: `用户任务${elementLabel(t.elementId, t.elementName)}的表单「${t.formKey}」不存在：表单目录中没有 ${t.formKey}.json；请先添加该表单，或改正 camunda:formKey`, elementId: t.elementId }));
  }

  /**
   * Whether a clock is statutory decides whether it is reported and escalated as overdue: a clock
   * the catalog does not list would be guessed at, so it is refused until it is listed.
   */
  private clockProblems(xml: string): DiagramProblem[] {
    const known = this.knownClock;
    if (!known) return [];
    return clockNamesIn(xml)
      .filter((c) => !known(c.name))
      .map((c) => ({ message: `期限「${c.name}」未在期限目录 rules/clocks.json 中登记：请先登记其中文名称、是否法定期限（statutory）和依据，或改用已登记的期限名称`, elementId: c.elementId }));
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

  /** Every deployed version, by key, newest version first (the API's list and the pages'). */
  list(): Promise<DeployedVersion[]> {
    return listDefinitions(this.db);
  }

  /**
   * The deployed processes, each with its versions newest first; with `running`, how many
   * instances of each version still run (the administrators' list).
   */
  async processes(opts: { running?: boolean } = {}): Promise<DeployedProcess[]> {
    const running = opts.running ? await runningCountsByDefinition(this.db) : undefined;
    const byKey = new Map<string, DeployedProcess>();
    for (const d of await this.list()) {
      const entry = byKey.get(d.key) ?? { key: d.key, name: d.name ?? d.key, versions: [] };
      entry.versions.push(running ? { ...d, running: running.get(d.id) ?? 0 } : d);
      byKey.set(d.key, entry);
    }
    return [...byKey.values()];
  }

  /** One version of a process, or its latest when `version` is undefined; undefined when not deployed. */
  find(key: string, version?: number): Promise<DefinitionRow | undefined> {
    return version === undefined ? latestDefinition(this.db, key) : definitionByVersion(this.db, key, version);
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

/** A task's `zhifa:reminders` property that cannot be read is refused with the diagram, naming the task. */
function reminderProblems(overrides: Record<string, string>): DiagramProblem[] {
  const problems: DiagramProblem[] = [];
  for (const [elementId, text] of Object.entries(overrides)) {
    try {
      parseStepList(text, `${elementId}: zhifa:reminders`);
    } catch (err) {
      problems.push({ message: `the BPMN document has a reminder policy Zhifa cannot read: ${err instanceof Error ? err.message : String(err)}`, elementId });
    }
  }
  return problems;
}
