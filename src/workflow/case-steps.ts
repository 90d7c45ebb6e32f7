import type { FormRegistry } from '../domain/forms.ts';
import { readableFields, type ReadableField } from '../domain/readable-values.ts';
import { startFormKey } from '../domain/start-check.ts';
import type { DbOrTx } from '../store/db.ts';
import { definitionById } from '../store/definitions.ts';
import { instancesOfCase } from '../store/instances.ts';
import { inputsOfCase } from '../store/submissions.ts';
import { tasksOfCase } from '../store/tasks.ts';
import type { Definitions } from './definitions.ts';
import { peopleNames } from './people-names.ts';

const USERNAME = /^[\w.@-]{1,100}$/;

export interface CaseStep {
  /** The step as the diagram names it (立案审批), the start form's title (线索登记), or the message's event. */
  step: string;
  /** The called process it belongs to (重大执法决定法制审核…), none for the case's own process. */
  processName?: string;
  instanceId: string;
  by: string;
  at: string;
  fields: ReadableField[];
}

export interface CaseStepsDeps {
  db: DbOrTx;
  forms: FormRegistry;
  definitions: Definitions;
}

/**
 * The outputs of the steps taken so far, in the order they were taken, each with who and when:
 * the lead (the start form) first, then every completed task's form and what each message
 * brought, in the processes the case called too. Read from the record, so what is shown is what
 * was submitted then, not what a later step overwrote.
 */
export async function caseSteps(deps: CaseStepsDeps, caseId: string): Promise<CaseStep[]> {
  const { db, forms } = deps;
  const inputs = await inputsOfCase(db, caseId);
  const tasks = new Map((await tasksOfCase(db, caseId)).map((t) => [t.id, t]));
  const instances = new Map((await instancesOfCase(db, caseId)).map((i) => [i.id, i]));
  // Who acted, and whoever a people field names: only what could be a username is looked up.
  const mentioned = inputs.flatMap((i) => Object.values(i.variables).flat()).filter((v): v is string => typeof v === 'string' && USERNAME.test(v));
  const names = await peopleNames(db, [...inputs.map((i) => i.actor ?? ''), ...mentioned]);
  const processNames = new Map<string, string>();
  const processName = async (instanceId: string) => {
    const inst = instances.get(instanceId);
    if (!inst || inst.id === caseId) return undefined;
    if (!processNames.has(instanceId)) processNames.set(instanceId, (await definitionById(db, inst.definition_id))?.name ?? inst.process_key);
    return processNames.get(instanceId);
  };

  const steps: CaseStep[] = [];
  for (const input of inputs) {
    const inst = instances.get(input.instanceId);
    let step: string | undefined;
    let formKey: string | undefined;
    if (input.kind === 'instance.started') {
      // A called process starts with a copy of its caller's variables: only the case's own start is an input.
      if (input.instanceId !== caseId || !inst) continue;
      formKey = startFormKey(inst.process_key);
      step = forms.get(formKey)?.schema.title;
    } else if (input.kind === 'task.completed') {
      const task = input.taskId ? tasks.get(input.taskId) : undefined;
      formKey = task?.form_key ?? undefined;
      step = task?.name ?? forms.get(formKey)?.schema.title;
    } else {
      formKey = input.messageName;
      step = (inst && input.elementId ? (await deps.definitions.compiledById(db, inst.definition_id)).elementNames[input.elementId] : undefined) ?? forms.get(formKey)?.schema.title;
    }
    const form = forms.get(formKey);
    if (!form || !step) continue;
    const fields = readableFields(form.schema, input.variables, names.person);
    if (!fields.length) continue;
    steps.push({ step, processName: await processName(input.instanceId), instanceId: input.instanceId, by: input.actor ? names.person(input.actor) : '', at: new Date(input.at).toISOString(), fields });
  }
  return steps;
}
