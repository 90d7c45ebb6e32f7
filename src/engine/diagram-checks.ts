import { elementLabel, type DiagramFacts, type DiagramScript } from './diagram-facts.ts';
import type { DiagramProblem } from './errors.ts';

/** What one diagram and one command may ask of the server. */
export interface EngineLimits {
  /** Sub-processes inside sub-processes. */
  maxNesting: number;
  /** Flow elements (tasks, events, gateways, flows) in one diagram. */
  maxFlowElements: number;
  /** Activities one command may start before it reaches a wait state, a timer or the end. */
  maxStepsPerCommand: number;
  /** A trusted script's time and memory in its worker. */
  scriptTimeoutMs: number;
  scriptMemoryMb: number;
}

export const DEFAULT_LIMITS: EngineLimits = { maxNesting: 50, maxFlowElements: 5000, maxStepsPerCommand: 100, scriptTimeoutMs: 1000, scriptMemoryMb: 32 };

const INSTEAD =
  '请改用已登记的服务（服务任务 camunda:expression="${services.名称(…)}"）、表达式（如 ${amount}）或条件表达式（如 ${amount >= 1000}）';

/**
 * The engine's refusals of a readable diagram: scripts (Zhifa never runs diagram code in the
 * server; a script runs only when an administrator trusts its exact text), nesting and size
 * (a diagram must not be able to take the server's stack or CPU).
 */
export function checkDiagramFacts(facts: DiagramFacts, limits: EngineLimits, trusted: (sha256: string) => boolean): DiagramProblem[] {
  const problems: DiagramProblem[] = [];
  if (facts.nesting.depth > limits.maxNesting) {
    problems.push({
      message: `子流程嵌套 ${facts.nesting.depth} 层，超过上限 ${limits.maxNesting} 层（最深处：${elementLabel(facts.nesting.elementId, facts.nesting.elementName)}）；请减少嵌套或改用调用活动`,
      elementId: facts.nesting.elementId,
    });
  }
  // Anything else nested that deep (extension elements, unknown namespaces) would overflow the
  // engine's state serialisation at every start; a real diagram stays far below this.
  const maxElementDepth = limits.maxNesting + 50;
  if (facts.nesting.depth <= limits.maxNesting && facts.elements.depth > maxElementDepth) {
    problems.push({
      message: `XML 元素嵌套 ${facts.elements.depth} 层，超过上限 ${maxElementDepth} 层（在 ${elementLabel(facts.elements.elementId, facts.elements.elementName)} 中）；请删除多余的嵌套（如扩展元素中的深层列表）`,
      elementId: facts.elements.elementId,
    });
  }
  if (facts.flowElements > limits.maxFlowElements) {
    problems.push({ message: `流程含有 ${facts.flowElements} 个流程元素，超过上限 ${limits.maxFlowElements} 个；请拆分为几个流程，用调用活动连接`, elementId: null });
  }
  for (const script of facts.scripts) {
    const problem = scriptProblem(script, trusted);
    if (problem) problems.push({ message: problem, elementId: script.elementId });
  }
  return problems;
}

function scriptProblem(script: DiagramScript, trusted: (sha256: string) => boolean): string | undefined {
  const where = elementLabel(script.elementId, script.elementName);
  const javascript = /^(javascript|js)$/i.test(script.language ?? '');
  if (script.kind === 'camundaScript') {
    return `元素${where}的监听器或输入输出参数含有脚本（${script.language ?? '未注明语言'}）：Zhifa 不运行此类脚本；${INSTEAD}`;
  }
  if (javascript && script.body.trim() && trusted(script.sha256)) return undefined;
  const what = script.kind === 'scriptTask' ? `脚本任务${where}` : `${where}的条件是脚本（language="${script.language}"）`;
  const trust = javascript && script.body.trim() ? `；如确需运行此脚本，须由管理员将其 SHA-256「${script.sha256}」写入服务器的 ZHIFA_TRUSTED_SCRIPTS 文件` : '';
  return `${what}：Zhifa 不在服务器中运行流程图里的脚本，${INSTEAD}${trust}`;
}
