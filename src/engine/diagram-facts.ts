import { createHash } from 'node:crypto';

/** A script written in a diagram: a script task's body, a script condition, a Camunda listener or parameter script. */
export interface DiagramScript {
  kind: 'scriptTask' | 'condition' | 'camundaScript';
  /** The element that carries it (the task, the flow, the event), for the message. */
  elementId: string;
  elementName?: string;
  language?: string;
  body: string;
  /** SHA-256 (hex) of the body with surrounding whitespace removed: what an administrator trusts. */
  sha256: string;
}

export interface DiagramFacts {
  /** Sub-processes inside sub-processes, at the deepest point (0: none), and the innermost there. */
  nesting: { depth: number; elementId: string | null; elementName?: string };
  /** How deep XML elements nest anywhere (extension elements and unknown namespaces too), and the element around the deepest. */
  elements: { depth: number; elementId: string | null; elementName?: string };
  flowElements: number;
  scripts: DiagramScript[];
  /** Literal `camunda:formKey`s of user tasks. */
  userTaskForms: Array<{ elementId: string; elementName?: string; formKey: string }>;
}

type Node = {
  $type: string;
  id?: string;
  name?: string;
  $descriptor?: { propertiesByName?: Record<string, { isReference?: boolean }> };
  [key: string]: unknown;
};

const SCOPES = new Set(['bpmn:SubProcess', 'bpmn:Transaction', 'bpmn:AdHocSubProcess']);

export function scriptHash(body: string): string {
  return createHash('sha256').update(body.trim()).digest('hex');
}

/**
 * Walks a parsed diagram with an explicit stack, never recursion: a document of 30,000 nested
 * sub-processes must be measured and refused, not overflow the stack that measures it. Only
 * containment is followed (references such as sourceRef would lead back up the tree).
 */
export function diagramFacts(rootElement: unknown): DiagramFacts {
  const facts: DiagramFacts = { nesting: { depth: 0, elementId: null }, elements: { depth: 0, elementId: null }, flowElements: 0, scripts: [], userTaskForms: [] };
  const stack: Array<{ node: Node; depth: number; level: number; owner: Node | null; via: string }> = [{ node: rootElement as Node, depth: 0, level: 1, owner: null, via: '' }];
  while (stack.length) {
    const { node, depth, level, owner, via } = stack.pop()!;
    const here = node.id ? node : owner;
    if (level > facts.elements.depth) facts.elements = { depth: level, elementId: here?.id ?? null, elementName: here?.name };
    const inner = SCOPES.has(node.$type) ? depth + 1 : depth;
    if (inner > facts.nesting.depth) facts.nesting = { depth: inner, elementId: node.id ?? null, elementName: node.name };
    if (via === 'flowElements') facts.flowElements++;
    collect(facts, node, here, via);
    const refs = node.$descriptor?.propertiesByName ?? {};
    for (const key of Object.keys(node)) {
      // $children holds elements of namespaces the moddle does not know: they nest like any other.
      if ((key.startsWith('$') && key !== '$children') || refs[key]?.isReference) continue;
      const value = node[key];
      const children = Array.isArray(value) ? value : [value];
      for (const child of children) {
        if (child && typeof child === 'object' && typeof (child as Node).$type === 'string') stack.push({ node: child as Node, depth: inner, level: level + 1, owner: here, via: key });
      }
    }
  }
  return facts;
}

function collect(facts: DiagramFacts, node: Node, owner: Node | null, via: string): void {
  const at = { elementId: owner?.id ?? '?', elementName: owner?.name };
  if (node.$type === 'bpmn:ScriptTask') {
    const body = typeof node.script === 'string' ? node.script : '';
    facts.scripts.push({ kind: 'scriptTask', ...at, language: str(node.scriptFormat), body, sha256: scriptHash(body) });
  } else if (node.$type === 'bpmn:FormalExpression' && (via === 'conditionExpression' || via === 'condition') && str(node.language)) {
    const body = str(node.body) ?? '';
    facts.scripts.push({ kind: 'condition', ...at, language: str(node.language), body, sha256: scriptHash(body) });
  } else if (node.$type === 'camunda:Script') {
    const body = str(node.value) ?? '';
    facts.scripts.push({ kind: 'camundaScript', ...at, language: str(node.scriptFormat), body, sha256: scriptHash(body) });
  } else if (node.$type === 'bpmn:UserTask' && typeof node.formKey === 'string' && node.id) {
    facts.userTaskForms.push({ elementId: node.id, elementName: node.name, formKey: node.formKey });
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** How people read an element in a message: its name and id, or its id alone. */
export function elementLabel(id: string | null, name?: string): string {
  return name ? `「${name}」（${id}）` : `「${id ?? '?'}」`;
}
