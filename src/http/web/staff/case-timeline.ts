import type { InstanceRow } from '../../../workflow/case-reading.ts';
import type { ProcessRecord } from '../../../workflow/instance-reading.ts';
import { peopleNames } from '../../../workflow/people-names.ts';
import type { Workflow } from '../../../workflow/workflow.ts';
import { describeEntry, type StepName } from './timeline.ts';

/** The diagram's names of one process's steps, as a lookup (timeline.ts StepName). */
export function stepNameOf(names: Record<string, string>): StepName {
  return (id) => (id ? names[id] || undefined : undefined);
}

/**
 * The record of a process and everything it called, in time order, in words: steps by the
 * diagram's names and people by their names, never an element id or a username. Also who
 * started the case, by name, from the same one read of the people.
 */
export async function caseTimeline(db: Workflow['db'], row: InstanceRow, processes: ProcessRecord[]) {
  const people = await peopleNames(db, [row.started_by, ...processes.flatMap((p) => p.history.map((h) => h.actor))]);
  const entries = [];
  for (const p of processes) {
    const stepName = stepNameOf(p.stepNames);
    for (const h of p.history) {
      const words = describeEntry(h, p.processName, stepName);
      if (words) entries.push({ ...h, ...words, actor: people.person(h.actor) });
    }
  }
  entries.sort((a, b) => a.at - b.at);
  return { entries, startedBy: people.person(row.started_by) };
}
