import { Router, type Request, type Response } from 'express';
import type { WorkCalendar } from '../../calendar/index.ts';
import type { Clock } from '../../clock.ts';
import type { FormRegistry, TaskForm } from '../../domain/forms.ts';
import type { Agency } from '../../domain/publication/agency.ts';
import { startFormKey } from '../../domain/start-check.ts';
import { notFound, ZhifaError } from '../../errors.ts';
import { definitionById, listDefinitions } from '../../store/definitions.ts';
import { documentById, documentsOfCase } from '../../store/documents.ts';
import { evidenceOfCase } from '../../store/evidence.ts';
import { instanceById } from '../../store/instances.ts';
import { fromJson } from '../../store/json.ts';
import { taskById, type TaskRow, type TaskWithCase } from '../../store/tasks.ts';
import { mayActOnTaskOf } from '../../workflow/task-access.ts';
import type { Workflow } from '../../workflow/workflow.ts';
import { assertCaseAccess } from '../case-access.ts';
import { caseView } from './case-view.ts';
import { formFields } from './form-fields.ts';
import { formInput } from './form-input.ts';
import { peopleOptions } from './people.ts';
import { previewProblems, publicationReviewView } from './publication-review.ts';
import { remaining } from './remaining.ts';
import { userOf, type WebUser } from './session.ts';
import type { Views } from './views.ts';

export interface StaffDeps {
  workflow: Workflow;
  forms: FormRegistry;
  calendar: WorkCalendar;
  clock: Clock;
  views: Views;
  /** The publishing agency: the publication review shows the fields as published. */
  agency: Agency;
}

const VIEWER = ['/assets/bpmn-js/bpmn-navigated-viewer.production.min.js', '/assets/case-diagram.js'];
const VIEWER_CSS = ['/assets/bpmn-js/assets/diagram-js.css', '/assets/bpmn-js/assets/bpmn-js.css', '/assets/bpmn-js/assets/bpmn-font/css/bpmn.css'];

/** Staff pages: the task list, task forms, starting a case, the case page. */
export function staffPages(deps: StaffDeps): Router {
  const { workflow, forms, views } = deps;
  const db = workflow.db;
  const r = Router();
  const me = (req: Request) => userOf(req)!;
  const page = (res: Response, name: string, ctx: Record<string, unknown>, status = 200) => res.status(status).type('html').send(views.render(name, { ...res.locals, ...ctx }));

  const caseLabel = async (instanceId: string) => {
    const inst = await instanceById(db, instanceId);
    const root = inst && inst.root_id !== inst.id ? await instanceById(db, inst.root_id) : inst;
    return { caseId: root?.id ?? instanceId, caseLabel: root ? labelOf(root.id, root.business_key, root.variables) : instanceId.slice(0, 8) };
  };
  const labelOf = (caseId: string, businessKey: string | null, variables: string | null) => {
    const v = fromJson<Record<string, unknown>>(variables, {});
    return `${businessKey ?? caseId.slice(0, 8)} ${String(v.party ?? v.applicant ?? '')}`.trim();
  };
  // The list reads each task's case in the same query: no query per row.
  const taskItem = (t: TaskWithCase) => ({
    id: t.id,
    name: t.name ?? t.element_id,
    elementId: t.element_id,
    dueAt: t.due_at ? new Date(t.due_at).toISOString() : null,
    remaining: t.due_at ? remaining(deps.calendar, deps.clock, t.due_at) : null,
    caseId: t.case_id,
    caseLabel: labelOf(t.case_id, t.case_business_key, t.case_variables),
  });

  const evidenceList = async (caseId: string) =>
    (await evidenceOfCase(db, caseId)).map((e) => ({ id: e.id, label: `${e.kind} No. ${e.seq}`, fileName: e.file_name, description: e.description }));

  r.get('/', async (req, res) => {
    const user = me(req);
    const rows = await workflow.tasksFor(user);
    // Overdue first, then by due time; tasks without a limit last (the query orders by due time).
    const mine = rows.filter((t) => t.assignee === user.username).map(taskItem);
    const claimable = rows.filter((t) => !t.assignee).map(taskItem);
    page(res, 'tasks', { title: '我的待办', mine, claimable });
  });

  r.post('/tasks/:id/claim', async (req, res) => {
    await workflow.claimTask(req.params.id, me(req));
    res.redirect(303, `/tasks/${req.params.id}`);
  });

  const loadTask = async (user: WebUser, id: string) => {
    const task = await taskById(db, id);
    if (!task) throw notFound('任务不存在');
    await assertCaseAccess(db, user, task.instance_id);
    return task;
  };

  const renderTask = async (req: Request, res: Response, task: TaskRow, submitted?: Record<string, unknown>, error?: ZhifaError) => {
    const user = me(req);
    const form = forms.get(task.form_key);
    const inst = await instanceById(db, task.instance_id);
    const caseVars = fromJson<Record<string, unknown>>(inst?.variables, {});
    const errors = fieldErrorMap(error);
    const people = await peopleOptions(db, deps.clock.now().getTime());
    const canComplete = task.status === 'open' && (await mayActOnTaskOf(db, task, user));
    const documents = inst ? await documentsOfCase(db, inst.root_id) : [];
    page(res, 'task', {
      title: task.name ?? task.element_id,
      task: { id: task.id, name: task.name ?? task.element_id, formKey: task.form_key, dueAt: task.due_at ? new Date(task.due_at).toISOString() : null, ...(await caseLabel(task.instance_id)) },
      remaining: task.due_at ? remaining(deps.calendar, deps.clock, task.due_at) : null,
      form: form && { title: form.schema.title, description: form.schema.description },
      fields: form ? formFields(form, submitted ?? caseVars, errors, people) : [],
      publication: publicationReviewView(form, caseVars, submitted, deps.agency),
      error: error?.detail,
      canComplete,
      errorActions: canComplete ? await workflow.taskErrors(db, task) : [],
      documents: documents.map((d) => ({ id: d.id, title: d.title, number: d.number })),
      evidence: inst ? await evidenceList(inst.root_id) : [],
      evidenceAdded: typeof req.query.evidence === 'string' ? req.query.evidence : undefined,
      evidenceError: typeof req.query.evidenceError === 'string' ? req.query.evidenceError : undefined,
    }, error ? error.status : 200);
  };

  r.get('/tasks/:id', async (req, res) => {
    const task = await loadTask(me(req), req.params.id);
    if (task.status !== 'open') return res.redirect(303, `/cases/${task.instance_id}`);
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
      if (err instanceof ZhifaError && (err.status === 422 || err.status === 400)) return renderTask(req, res, task, variables, err);
      throw err;
    }
    res.redirect(303, `/cases/${task.instance_id}?completed=${encodeURIComponent(task.name ?? task.element_id)}`);
  });

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
      if (err instanceof ZhifaError && (err.status === 422 || err.status === 400)) return renderTask(req, res, task, undefined, err);
      throw err;
    }
    res.redirect(303, `/cases/${task.instance_id}?completed=${encodeURIComponent(action.name)}`);
  });

  r.get('/cases/new', async (_req, res) => {
    const latest = new Map<string, { key: string; name: string }>();
    for (const d of await listDefinitions(db)) if (!latest.has(d.key) && forms.get(startFormKey(d.key))) latest.set(d.key, { key: d.key, name: d.name ?? d.key });
    page(res, 'new-case', { title: '新建案件', processes: [...latest.values()] });
  });

  const startForm = (key: string): TaskForm => {
    const form = forms.get(startFormKey(key));
    if (!form) throw notFound(`流程「${key}」没有启动表单（forms/${startFormKey(key)}.json）`);
    return form;
  };
  const renderStart = async (res: Response, key: string, form: TaskForm, values: Record<string, unknown>, error?: ZhifaError) => {
    const people = await peopleOptions(db, deps.clock.now().getTime());
    page(res, 'start', { title: form.schema.title, key, form: { title: form.schema.title, description: form.schema.description }, fields: formFields(form, values, fieldErrorMap(error), people), error: error?.detail }, error?.status ?? 200);
  };

  r.get('/cases/new/:key', async (req, res) => {
    await renderStart(res, req.params.key, startForm(req.params.key), {});
  });

  r.post('/cases/new/:key', async (req, res) => {
    const form = startForm(req.params.key);
    const variables = formInput(form, req.body ?? {});
    const businessKey = typeof req.body?.businessKey === 'string' && req.body.businessKey.trim() ? req.body.businessKey.trim() : undefined;
    // The same check as the API's start (src/domain/start-check.ts): the page only shows its answer.
    try {
      const { id } = await workflow.start({ processKey: req.params.key, businessKey, variables }, me(req));
      res.redirect(303, `/cases/${id}`);
    } catch (err) {
      if (err instanceof ZhifaError && err.status === 422) return renderStart(res, req.params.key, form, variables, err);
      throw err;
    }
  });

  r.get('/cases/:id', async (req, res) => {
    const row = await assertCaseAccess(db, me(req), req.params.id);
    const view = await caseView({ db, caseClocks: workflow.caseClocks, calendar: deps.calendar, clock: deps.clock, definitions: workflow.definitions }, row);
    const completed = typeof req.query.completed === 'string' ? `已提交「${req.query.completed}」` : typeof req.query.recorded === 'string' ? `已登记「${req.query.recorded}」` : undefined;
    page(res, 'case', { ...view, evidence: await evidenceList(row.root_id), flash: completed, scripts: VIEWER, styles: VIEWER_CSS });
  });

  r.get('/cases/:id/diagram.bpmn', async (req, res) => {
    const row = await assertCaseAccess(db, me(req), req.params.id);
    const def = await definitionById(db, row.definition_id);
    if (!def) throw notFound('流程定义不存在');
    res.type('application/xml').send(def.xml);
  });

  r.get('/documents/:id', async (req, res) => {
    const id = Number(req.params.id);
    const doc = Number.isInteger(id) ? await documentById(db, id) : undefined;
    if (!doc) throw notFound('文书不存在');
    await assertCaseAccess(db, me(req), doc.case_id);
    page(res, 'document', { title: doc.title, html: doc.html, bodyClass: 'document' });
  });

  return r;
}

function fieldErrorMap(error: ZhifaError | undefined): Record<string, string> {
  const list = (error?.extra?.errors ?? []) as Array<{ field: string; message: string }>;
  const map: Record<string, string> = {};
  for (const e of list) map[e.field] = map[e.field] ? `${map[e.field]}；${e.message}` : e.message;
  return map;
}

