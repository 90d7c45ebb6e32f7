import { createRequire } from 'node:module';
import { BpmnModdle } from 'bpmn-moddle';
import serializer, { TypeResolver } from 'moddle-context-serializer';
import { diagramFacts, type DiagramFacts } from './diagram-facts.ts';
import { DeploymentError, EngineErrorCodes } from './errors.ts';

const require = createRequire(import.meta.url);
const camundaSchema = require('camunda-bpmn-moddle/resources/camunda.json');

export interface TaskError {
  code: string;
  name: string;
}

export interface ParsedBpmn {
  processId: string;
  processName?: string;
  /** message name → message id, for correlation by name. */
  messages: Map<string, string>;
  /** What the diagram can do, so commands skip the queries a diagram cannot need. */
  features: { callActivities: boolean; messageCatches: boolean; caseClocks: boolean };
  /** Reminder policies set on user tasks (`<camunda:property name="zhifa:reminders" value="…"/>`), by element id. */
  reminderOverrides: Record<string, string>;
  /** The names the diagram gives its elements, by id (what staff read for a waiting event). */
  elementNames: Record<string, string>;
  /** Boundary event id → the activity it is attached to (what a waiting event ends or interrupts). */
  attachedTo: Record<string, string>;
  /** The BPMN errors a task may raise, by task id: the error boundary events attached to it (code, and the name staff read). */
  taskErrors: Record<string, TaskError[]>;
  /** What deployment checks look at (scripts, nesting, size, form keys), gathered without recursion. */
  facts: DiagramFacts;
  moddleContext: unknown;
}

export interface CompiledDefinition extends Omit<ParsedBpmn, 'moddleContext' | 'facts'> {
  /** The serialized context bpmn-engine runs from; built once per deployed version. */
  sourceContext: unknown;
}

type ModdleElement = { $type: string; id?: string; name?: string; isExecutable?: boolean };

/**
 * Parse and validate BPMN XML. Every moddle warning (unknown element, unresolved reference)
 * is an error: a diagram that half-parses would run a different process than the one drawn.
 */
export async function parseBpmn(xml: string): Promise<ParsedBpmn> {
  if (!xml || !xml.trim()) throw DeploymentError.invalid('the BPMN document is empty');
  const moddle = new BpmnModdle({ camunda: camundaSchema });
  let context: { rootElement: { $type: string; rootElements?: ModdleElement[] }; warnings: Array<{ message: string; element?: { id?: string } }> };
  try {
    context = (await moddle.fromXML(xml.trim())) as unknown as typeof context;
  } catch (err) {
    throw DeploymentError.invalid(`the BPMN XML does not parse: ${describeParseError(err)}`);
  }
  if (context.warnings.length) {
    const problems = context.warnings.map((w) => oneBased(w.message));
    // The element each problem belongs to, when moddle knows it, so a modeler can mark it.
    const elementIds = context.warnings.map((w) => w.element?.id ?? null);
    throw new DeploymentError(
      EngineErrorCodes.invalidDiagram,
      problems.map((message, i) => ({ message, elementId: elementIds[i] ?? null })),
      `the BPMN document is not valid: ${problems.join('; ')}`,
    );
  }
  if (context.rootElement.$type !== 'bpmn:Definitions') {
    throw DeploymentError.invalid(`the document root is ${context.rootElement.$type}, expected bpmn:definitions`);
  }
  const roots = context.rootElement.rootElements ?? [];
  const executable = roots.filter((e) => e.$type === 'bpmn:Process' && e.isExecutable);
  if (executable.length === 0) throw DeploymentError.invalid('the BPMN document has no executable process (set isExecutable="true" on one bpmn:process)');
  if (executable.length > 1) {
    throw DeploymentError.invalid(`the BPMN document has ${executable.length} executable processes (${executable.map((p) => p.id).join(', ')}); deploy one executable process per file`);
  }
  const messages = new Map<string, string>();
  for (const m of roots.filter((e) => e.$type === 'bpmn:Message')) messages.set(m.name ?? m.id!, m.id!);
  const process = executable[0]!;
  return { processId: process.id!, processName: process.name, messages, features: featuresOf(xml, context), reminderOverrides: reminderOverridesOf(context), elementNames: elementNamesOf(context), attachedTo: attachedToOf(context), taskErrors: taskErrorsOf(context), facts: diagramFacts(context.rootElement), moddleContext: context };
}

type WithProperties = { id?: string; extensionElements?: { values?: Array<{ $type: string; values?: Array<{ name?: string; value?: string }> }> } };

function elementNamesOf(context: unknown): Record<string, string> {
  const names: Record<string, string> = {};
  for (const el of Object.values((context as { elementsById?: Record<string, { id?: string; name?: string }> }).elementsById ?? {})) if (el.id && el.name) names[el.id] = el.name;
  return names;
}

function attachedToOf(context: unknown): Record<string, string> {
  const owners: Record<string, string> = {};
  for (const el of Object.values((context as { elementsById?: Record<string, Boundary & { id?: string }> }).elementsById ?? {})) {
    if (el.$type === 'bpmn:BoundaryEvent' && el.id && el.attachedToRef?.id) owners[el.id] = el.attachedToRef.id;
  }
  return owners;
}

type Boundary = { $type: string; name?: string; attachedToRef?: { id?: string }; eventDefinitions?: Array<{ $type: string; errorRef?: { errorCode?: string; name?: string } }> };

/** Error boundary events with an error code, by the activity they are attached to. */
function taskErrorsOf(context: unknown): Record<string, TaskError[]> {
  const errors: Record<string, TaskError[]> = {};
  for (const el of Object.values((context as { elementsById?: Record<string, Boundary> }).elementsById ?? {})) {
    if (el.$type !== 'bpmn:BoundaryEvent' || !el.attachedToRef?.id) continue;
    for (const def of el.eventDefinitions ?? []) {
      const code = def.$type === 'bpmn:ErrorEventDefinition' ? def.errorRef?.errorCode : undefined;
      if (code) (errors[el.attachedToRef.id] ??= []).push({ code, name: el.name ?? def.errorRef?.name ?? code });
    }
  }
  return errors;
}

function reminderOverridesOf(context: unknown): Record<string, string> {
  const overrides: Record<string, string> = {};
  for (const el of Object.values((context as { elementsById?: Record<string, WithProperties> }).elementsById ?? {})) {
    for (const ext of el.extensionElements?.values ?? []) {
      if (ext.$type !== 'camunda:Properties') continue;
      const prop = ext.values?.find((v) => v.name === 'zhifa:reminders');
      if (prop?.value && el.id) overrides[el.id] = prop.value;
    }
  }
  return overrides;
}

function featuresOf(xml: string, context: unknown): ParsedBpmn['features'] {
  const types = new Set(Object.values((context as { elementsById?: Record<string, { $type: string }> }).elementsById ?? {}).map((e) => e.$type));
  return {
    callActivities: types.has('bpmn:CallActivity'),
    // Event definitions without an id are not in elementsById, so look at the markup itself.
    messageCatches: /messageEventDefinition|receiveTask/i.test(xml),
    // A clock service (`startClock(…)`) or a `clock:` expression: the run needs the case's clock dues.
    caseClocks: /clock:|Clock\(/.test(xml),
  };
}

function describeParseError(err: unknown): string {
  return oneBased(err instanceof Error ? err.message : String(err));
}

/** The XML parser counts lines and columns from 0; editors and people count from 1. */
function oneBased(message: string): string {
  return message
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/line: (\d+) column: (\d+)/g, (_, l: string, c: string) => `line ${Number(l) + 1}, column ${Number(c) + 1}`);
}

export type ElementTypes = Record<string, unknown>;

/** Serialize once per version with Zhifa's element behaviours (timers, services). */
export function compile(parsed: ParsedBpmn, elements: ElementTypes): CompiledDefinition {
  const base = TypeResolver(elements as never);
  const resolve = (entity: { behaviour?: { expression?: string; delegateExpression?: string; Service?: unknown } }) => {
    base(entity as never);
    const b = entity.behaviour;
    // camunda:expression / delegateExpression (Camunda Modeler's way to call a service) behave like implementation.
    if (b && !b.Service && (b.expression || b.delegateExpression)) b.Service = elements.ServiceImplementation;
  };
  const sourceContext = serializer(parsed.moddleContext as never, resolve as never);
  const { moddleContext: _unused, facts: _facts, ...rest } = parsed;
  return { ...rest, sourceContext };
}
