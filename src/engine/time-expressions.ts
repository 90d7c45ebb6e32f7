import { clockNameOf } from './due.ts';
import { parseInstant, type PeriodResolver } from './periods.ts';

interface ModdleNode {
  $type: string;
  id?: string;
  dueDate?: string;
  eventDefinitions?: Array<{ $type: string; timeDuration?: { body?: string }; timeDate?: { body?: string }; timeCycle?: { body?: string } }>;
}

/**
 * Every literal time expression of a diagram (timer durations, dates, cycles, task due dates),
 * so a deployment can refuse `P7XD` with the element that holds it instead of failing a case
 * weeks later when the timer is armed. Expressions with `${…}` are resolved at run time.
 */
export function literalTimeExpressions(moddleContext: unknown): Array<{ elementId: string; kind: string; value: string }> {
  const byId = (moddleContext as { elementsById?: Record<string, ModdleNode> }).elementsById ?? {};
  const found: Array<{ elementId: string; kind: string; value: string }> = [];
  for (const el of Object.values(byId)) {
    const id = el.id ?? '?';
    if (typeof el.dueDate === 'string') found.push({ elementId: id, kind: 'camunda:dueDate', value: el.dueDate });
    for (const ed of el.eventDefinitions ?? []) {
      if (ed.$type !== 'bpmn:TimerEventDefinition') continue;
      for (const kind of ['timeDuration', 'timeDate', 'timeCycle'] as const) {
        const body = ed[kind]?.body;
        if (typeof body === 'string') found.push({ elementId: id, kind, value: body });
      }
    }
  }
  return found.filter((e) => !e.value.includes('${'));
}

/** The problems with a diagram's literal time expressions, one sentence each. */
export function checkTimeExpressions(moddleContext: unknown, periods: PeriodResolver, now: Date): string[] {
  const problems: string[] = [];
  for (const { elementId, kind, value } of literalTimeExpressions(moddleContext)) {
    const text = value.trim();
    if (clockNameOf(text)) continue;
    if (kind === 'timeDate' || (kind === 'camunda:dueDate' && parseInstant(text))) {
      if (!parseInstant(text)) problems.push(`${elementId}: ${kind} "${text}" is not an ISO 8601 date or date-time`);
      continue;
    }
    const period = kind === 'timeCycle' ? text.replace(/^R\d*\//, '') : text;
    try {
      periods.resolve(now, period);
    } catch (err) {
      problems.push(`${elementId}: ${kind} "${text}" is not a period (${err instanceof Error ? err.message : String(err)})`);
    }
  }
  return problems;
}
