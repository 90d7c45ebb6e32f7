import type { DiagramProblem } from '../engine/errors.ts';
import { characterProblem, textProblem, TEXT_LIMITS } from './text-rules.ts';

/** What deployment knows of a parsed diagram; `moddleContext` is bpmn-moddle's result of fromXML. */
export interface DiagramText {
  processId: string;
  processName?: string;
  moddleContext: unknown;
}

type Node = Record<string, unknown> & { id?: unknown; name?: unknown; $type?: unknown };

/**
 * The text rules for a deployed diagram: ids and names fit their columns (the process's own,
 * each element's that becomes a task or a history entry, each message's), and no text anywhere in
 * it (a name written `&#0;`, a documentation, an expression) holds U+0000 or a lone surrogate.
 * Refused with the diagram's other problems (one problem per element), before anything is stored.
 */
export function diagramTextProblems(d: DiagramText): DiagramProblem[] {
  const problems: DiagramProblem[] = [];
  const add = (elementId: string | null, message: string) => {
    problems.push({ message, elementId });
  };
  const limit = (elementId: string | null, what: string, text: string | undefined, max: number) => {
    const problem = text === undefined ? null : textProblem(text, max);
    if (problem) add(elementId, `${elementId ?? d.processId}: ${what}${problem}`);
  };
  // Every string the parsed document holds, walked with an explicit stack: a diagram nested
  // thousands deep is not this check's to refuse, but it must not overflow on one either.
  const root = (d.moddleContext as { rootElement?: unknown } | null)?.rootElement;
  const seen = new Set<unknown>();
  const stack: Array<{ node: unknown; owner: string | null }> = [{ node: root, owner: null }];
  while (stack.length) {
    const { node, owner } = stack.pop()!;
    if (!node || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    const n = node as Node;
    const type = typeof n.$type === 'string' ? n.$type : '';
    const id = typeof n.id === 'string' ? n.id : null;
    const here = id ?? owner;
    // Ids and names of BPMN elements end up in columns (tasks, history, definitions): their widths.
    const measured = !!id && type.startsWith('bpmn:') && !type.startsWith('bpmn:Definitions');
    if (measured) {
      const process = type === 'bpmn:Process';
      limit(id, process ? '流程标识（process id）' : '元素标识（id）', id, process ? TEXT_LIMITS.processId : TEXT_LIMITS.elementId);
      if (typeof n.name === 'string') {
        const max = process ? TEXT_LIMITS.processName : type === 'bpmn:Message' ? TEXT_LIMITS.messageName : TEXT_LIMITS.elementName;
        limit(id, process ? '流程名称（process name）' : type === 'bpmn:Message' ? '消息名称（name）' : '元素名称（name）', n.name, max);
      }
    }
    for (const [key, value] of Object.entries(n)) {
      if (key === '$parent' || key === '$descriptor' || key === '$model') continue;
      if (typeof value === 'string') {
        if (measured && (key === 'id' || key === 'name')) continue;
        const problem = characterProblem(value);
        if (problem) add(here, `${here ?? d.processId}: ${key}${problem}`);
      } else if (value && typeof value === 'object') {
        stack.push({ node: value, owner: here });
      }
    }
  }
  return problems;
}
