import type { Request, Response } from 'express';
import { discretionChoices } from '../../../domain/discretion-choices.ts';
import type { ZhifaError } from '../../../errors.ts';
import { caseOfInstance, instanceValues, caseDocuments, type TaskRow } from '../../../workflow/case-reading.ts';
import { openTaskDraft } from '../../../workflow/task-drafts.ts';
import { actingOnTask } from '../../../workflow/task-access.ts';
import type { TaskHandover } from '../../../workflow/task-handover.ts';
import { fieldErrorMap } from '../shared/field-errors.ts';
import { formFields } from '../shared/form-fields.ts';
import { TASK_SCRIPTS } from '../shared/form-scripts.ts';
import { peopleOptions } from '../shared/people.ts';
import { dueUnit, remaining } from '../shared/remaining.ts';
import { userOf } from '../shared/session.ts';
import { evidenceList } from './case-evidence-list.ts';
import { caseSight } from './case-sight.ts';
import { discretionPanel } from './discretion-panel.ts';
import { publicationReviewView } from './publication-review.ts';
import { staffPage, type StaffDeps } from './staff-deps.ts';
import { taskHandoverView } from './task-handover-view.ts';

/** What a task page is drawn with besides the task: what was sent and refused, or a refused handover. */
export interface TaskPageState {
  submitted?: Record<string, unknown>;
  error?: ZhifaError;
  handoverError?: ZhifaError;
}

/**
 * A task's page: the case in sight, its form filled from the case's values (or the user's draft,
 * or what was just sent), the case's documents and evidence, and who holds the task.
 */
export async function renderTask(deps: StaffDeps, handover: TaskHandover, req: Request, res: Response, task: TaskRow, state: TaskPageState = {}): Promise<void> {
  const { workflow, forms } = deps;
  const db = workflow.db;
  const { submitted, error, handoverError } = state;
  const user = userOf(req)!;
  const form = forms.get(task.form_key);
  const inst = await instanceValues(db, task.instance_id);
  const caseVars = inst?.variables ?? {};
  const people = await peopleOptions(db, deps.clock.now().getTime());
  const acting = task.status === 'open' ? await actingOnTask(db, task, user, workflow.today()) : null;
  const canComplete = !!acting;
  const documents = inst ? await caseDocuments(db, inst.caseId) : [];
  // What this user typed and kept (暂存) comes back over the case's values; a failed submission shows what was sent.
  const draft = !submitted && canComplete ? await openTaskDraft(db, task.id, user.username) : undefined;
  const caseInfo = await caseOfInstance(db, task.instance_id);
  staffPage(deps.views)(res, 'task', {
    ...(await caseSight(deps, caseInfo.caseId, task)),
    title: task.name ?? task.element_id,
    task: { id: task.id, name: task.name ?? task.element_id, formKey: task.form_key, dueAt: task.due_at ? new Date(task.due_at).toISOString() : null, ...caseInfo },
    remaining: task.due_at ? remaining(deps.calendar, deps.clock, task.due_at, dueUnit(task.due_spec)) : null,
    form: form && { title: form.schema.title, description: form.schema.description },
    // The discretion selects offer the tables of the version the case's filing date applies (issue 15).
    fields: form ? formFields(form, submitted ?? { ...caseVars, ...draft?.values }, fieldErrorMap(error), people, discretionChoices(deps.discretion.benchmark, typeof caseVars.filingDate === 'string' ? caseVars.filingDate : workflow.today())) : [],
    draft: draft && { savedAt: new Date(draft.savedAt).toISOString(), justSaved: req.query.draft === 'saved' },
    scripts: TASK_SCRIPTS,
    publication: publicationReviewView(form, caseVars, submitted, deps.agency),
    discretion: await discretionPanel(db, form, caseInfo.caseId),
    error: error?.detail,
    canComplete,
    handover: await taskHandoverView(db, handover, user, task, acting, handoverError),
    errorActions: canComplete ? await workflow.taskErrors(db, task) : [],
    documents: documents.map((d) => ({ id: d.id, title: d.title, number: d.number })),
    evidence: inst ? await evidenceList(db, inst.caseId) : [],
    evidenceAdded: typeof req.query.evidence === 'string' ? req.query.evidence : undefined,
    evidenceError: typeof req.query.evidenceError === 'string' ? req.query.evidenceError : undefined,
  }, (error ?? handoverError)?.status ?? 200);
}
