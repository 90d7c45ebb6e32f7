import { Router, type Request, type Response } from 'express';
import { notFound, ZhifaError } from '../../../errors.ts';
import { documentsOfCase } from '../../../store/documents.ts';
import { instanceById } from '../../../store/instances.ts';
import { fromJson } from '../../../store/json.ts';
import { taskById, type TaskRow } from '../../../store/tasks.ts';
import { openTaskDraft } from '../../../workflow/task-drafts.ts';
import { actingOnTask } from '../../../workflow/task-access.ts';
import { TaskHandover } from '../../../workflow/task-handover.ts';
import { holderLabels } from '../../../workflow/task-holders.ts';
import { assertCaseAccess } from '../../case-access.ts';
import { fieldErrorMap } from '../shared/field-errors.ts';
import { formFields } from '../shared/form-fields.ts';
import { formInput } from '../shared/form-input.ts';
import { TASK_SCRIPTS } from '../shared/form-scripts.ts';
import { peopleOptions } from '../shared/people.ts';
import { dueUnit, remaining } from '../shared/remaining.ts';
import { userOf, type WebUser } from '../shared/session.ts';
import { caseOfInstance } from './case-label.ts';
import { evidenceList } from './case-evidence-list.ts';
import { caseSight } from './case-sight.ts';
import { previewProblems, publicationReviewView } from './publication-review.ts';
import { staffPage, type StaffDeps } from './staff-deps.ts';

/** A task's page: its form, the case's documents and evidence, completing it or ending it another way. */
export function taskPages(deps: StaffDeps): Router {
  const { workflow, forms } = deps;
  const db = workflow.db;
  const r = Router();
  const page = staffPage(deps.views);
  const me = (req: Request) => userOf(req)!;
  const handover = new TaskHandover(workflow, deps.clock);

  const loadTask = async (user: WebUser, id: string) => {
    const task = await taskById(db, id);
    if (!task) throw notFound('任务不存在');
    await assertCaseAccess(db, user, task.instance_id);
    return task;
  };

  // Back to the case the task belongs to, never to the called process's own instance.
  const caseAddress = async (task: TaskRow, query?: Record<string, string>) => {
    const { caseId } = await caseOfInstance(db, task.instance_id);
    return `/cases/${caseId}${query ? `?${new URLSearchParams(query)}` : ''}${caseId !== task.instance_id ? `#proc-${task.instance_id}` : ''}`;
  };

  /** Who holds the task, and what this user may do about it: release it (its holder), reassign it (a head or manager). */
  const handoverView = async (user: WebUser, task: TaskRow, acting: { onBehalfOf: string | null } | null, error?: ZhifaError) => {
    const canReassign = await handover.mayReassignTask(user, task);
    return {
      holder: (await holderLabels(db, [task]))[0],
      onBehalfOf: acting?.onBehalfOf ? (await holderLabels(db, [{ assignee: acting.onBehalfOf, candidate_groups: '[]' }]))[0] : null,
      canRelease: task.status === 'open' && !!task.assignee && !!acting && task.candidate_groups !== '[]',
      canReassign,
      candidates: canReassign ? (await handover.candidates(task)).filter((c) => c.username !== task.assignee) : [],
      error: error?.detail,
    };
  };

  const renderTask = async (req: Request, res: Response, task: TaskRow, submitted?: Record<string, unknown>, error?: ZhifaError, handoverError?: ZhifaError) => {
    const user = me(req);
    const form = forms.get(task.form_key);
    const inst = await instanceById(db, task.instance_id);
    const caseVars = fromJson<Record<string, unknown>>(inst?.variables, {});
    const people = await peopleOptions(db, deps.clock.now().getTime());
    const acting = task.status === 'open' ? await actingOnTask(db, task, user, workflow.today()) : null;
    const canComplete = !!acting;
    const documents = inst ? await documentsOfCase(db, inst.root_id) : [];
    // What this user typed and kept (暂存) comes back over the case's values; a failed submission shows what was sent.
    const draft = !submitted && canComplete ? await openTaskDraft(db, task.id, user.username) : undefined;
    const caseInfo = await caseOfInstance(db, task.instance_id);
    page(res, 'task', {
      ...(await caseSight(deps, caseInfo.caseId, task)),
      title: task.name ?? task.element_id,
      task: { id: task.id, name: task.name ?? task.element_id, formKey: task.form_key, dueAt: task.due_at ? new Date(task.due_at).toISOString() : null, ...caseInfo },
      remaining: task.due_at ? remaining(deps.calendar, deps.clock, task.due_at, dueUnit(task.due_spec)) : null,
      form: form && { title: form.schema.title, description: form.schema.description },
      fields: form ? formFields(form, submitted ?? { ...caseVars, ...draft?.values }, fieldErrorMap(error), people) : [],
      draft: draft && { savedAt: new Date(draft.savedAt).toISOString(), justSaved: req.query.draft === 'saved' },
      scripts: TASK_SCRIPTS,
      publication: publicationReviewView(form, caseVars, submitted, deps.agency),
      error: error?.detail,
      canComplete,
      handover: await handoverView(user, task, acting, handoverError),
      errorActions: canComplete ? await workflow.taskErrors(db, task) : [],
      documents: documents.map((d) => ({ id: d.id, title: d.title, number: d.number })),
      evidence: inst ? await evidenceList(db, inst.root_id) : [],
      evidenceAdded: typeof req.query.evidence === 'string' ? req.query.evidence : undefined,
      evidenceError: typeof req.query.evidenceError === 'string' ? req.query.evidenceError : undefined,
    }, (error ?? handoverError)?.status ?? 200);
  };
  // A 422 or 400 shows the form again with what was entered; anything else is the error page's.
  const retry = (req: Request, res: Response, task: TaskRow, variables: Record<string, unknown> | undefined, err: unknown) => {
    if (err instanceof ZhifaError && (err.status === 422 || err.status === 400)) return renderTask(req, res, task, variables, err);
    throw err;
  };

  r.get('/tasks/:id', async (req, res) => {
    const task = await loadTask(me(req), req.params.id);
    if (task.status !== 'open') return res.redirect(303, await caseAddress(task));
    await renderTask(req, res, task);
  });

  r.post('/tasks/:id', async (req, res) => {
    const task = await loadTask(me(req), req.params.id);
    const form = forms.get(task.form_key);
    const variables = form ? formInput(form, req.body ?? {}) : {};
    // 按所填内容预览: the page again with what was entered, nothing completed.
    if (form && req.body?._preview) return renderTask(req, res, task, variables, previewProblems(form, variables));
    try {
      await workflow.completeTask(task.id, variables, me(req));
    } catch (err) {
      return retry(req, res, task, variables, err);
    }
    res.redirect(303, await caseAddress(task, { completed: task.name ?? task.element_id }));
  });

  // Handing over: a refusal (not the holder, a person who may not act) shows the task again with why; nothing changed.
  const handOver = (act: (task: TaskRow, user: WebUser, body: Record<string, unknown>) => Promise<unknown>, done: (task: TaskRow) => string) => async (req: Request, res: Response) => {
    const task = await loadTask(me(req), String(req.params.id));
    try {
      await act(task, me(req), (req.body ?? {}) as Record<string, unknown>);
    } catch (err) {
      if (err instanceof ZhifaError && err.status < 500) return renderTask(req, res, (await taskById(db, task.id))!, undefined, undefined, err);
      throw err;
    }
    res.redirect(303, done(task));
  };
  r.post('/tasks/:id/release', handOver((task, user, body) => handover.release(task.id, user, body.reason), () => '/?released=1'));
  r.post('/tasks/:id/reassign', handOver((task, user, body) => handover.reassign(task.id, user, body), (task) => `/tasks/${task.id}?reassigned=1`));

  // The other ways a task may end, drawn as error boundary events on it (须先法制审核, 拟加重处罚，重新告知):
  // a button each, sent only with the confirmation ticked, since it sends the case back.
  r.post('/tasks/:id/raise', async (req, res) => {
    const task = await loadTask(me(req), req.params.id);
    const body = (req.body ?? {}) as { code?: unknown; confirmed?: unknown };
    const action = (await workflow.taskErrors(db, task)).find((e) => e.code === body.code);
    if (!action) return renderTask(req, res, task, undefined, new ZhifaError('unprocessable', '本环节没有这一处理方式'));
    if (body.confirmed !== 'true') return renderTask(req, res, task, undefined, new ZhifaError('unprocessable', `请勾选确认后再选择「${action.name}」：案件将退回相应环节`));
    try {
      await workflow.completeTask(task.id, {}, me(req), { code: action.code });
    } catch (err) {
      return retry(req, res, task, undefined, err);
    }
    res.redirect(303, await caseAddress(task, { completed: action.name }));
  });
  return r;
}
