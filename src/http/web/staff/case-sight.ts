import type { TaskRow } from '../../../workflow/case-reading.ts';
import { caseSteps } from '../../../workflow/case-steps.ts';
import { caseSummary } from '../../../workflow/case-summary.ts';
import type { StaffDeps } from './staff-deps.ts';

/**
 * What the case page and every task page show of the case (partials case-summary and
 * case-steps): the summary, and the outputs of the steps taken so far. On a task page the step
 * just before it is unfolded, and so is every step of the called process the task belongs to:
 * 法制审核 reads the materials submitted, the officer who must fix them reads the problems found.
 */
export async function caseSight(deps: StaffDeps, caseId: string, task?: TaskRow) {
  const { db, caseClocks, definitions } = deps.workflow;
  const summary = await caseSummary({ db, caseClocks, definitions }, caseId);
  const steps = await caseSteps({ db, forms: deps.forms, definitions }, caseId);
  const calledProcess = task && task.instance_id !== caseId ? task.instance_id : undefined;
  return {
    summary,
    steps: steps.map((s, i) => ({ ...s, open: !!task && (i === steps.length - 1 || s.instanceId === calledProcess) })),
    currentTaskId: task?.id,
  };
}
