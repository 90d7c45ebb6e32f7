import { caseLabel } from '../../../domain/case-label.ts';
import { Router, type Request, type Response } from 'express';
import type { Clock } from '../../../clock.ts';
import type { FormRegistry } from '../../../domain/forms.ts';
import { notFound, ZhifaError } from '../../../errors.ts';
import { instanceById } from '../../../store/instances.ts';
import { subscriptionById } from '../../../store/subscriptions.ts';
import type { Workflow } from '../../../workflow/workflow.ts';
import { assertCaseAccess } from '../../case-access.ts';
import { formFields } from '../shared/form-fields.ts';
import { formInput } from '../shared/form-input.ts';
import { peopleOptions } from '../shared/people.ts';
import { userOf } from '../shared/session.ts';
import type { Views } from '../shared/views.ts';

export interface CaseEventDeps {
  workflow: Workflow;
  forms: FormRegistry;
  clock: Clock;
  views: Views;
}

/**
 * 登记事项 on the case page: an outside event the case waits for (a hearing request, a statement).
 * A message with a form (forms/<message>.json) opens that form first and is sent only once the
 * user confirms, since it may pause a statutory clock; the same checks as the API apply. One that
 * comes after the case stopped waiting is recorded on the case (x-zhifa.recordLateAs) and the
 * user is told so, rather than answered "not found".
 */
export function caseEventPages(deps: CaseEventDeps): Router {
  const { workflow, forms, views } = deps;
  const db = workflow.db;
  const r = Router();
  const page = (res: Response, ctx: Record<string, unknown>, status = 200) => res.status(status).type('html').send(views.render('case-event', { ...res.locals, ...ctx }));

  r.post('/cases/:id/events/:subscription', async (req: Request, res: Response) => {
    const user = userOf(req)!;
    const row = await assertCaseAccess(db, user, req.params.id as string);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const sub = await subscriptionById(db, Number(req.params.subscription));
    const owner = sub && (await instanceById(db, sub.instance_id));
    const waiting = sub && owner?.root_id === row.root_id;
    const messageName = waiting ? sub.message_name : typeof body._message === 'string' ? body._message : undefined;
    if (!messageName) throw notFound('此案件没有在等待这个事项（可能已被他人登记）');
    const form = forms.get(messageName);
    const label = waiting ? ((await workflow.definitions.compiledById(db, owner.definition_id)).elementNames?.[sub.element_id] ?? messageName) : String(body._label ?? messageName);
    const variables = form ? formInput(form, body) : {};
    const root = row.root_id === row.id ? row : await instanceById(db, row.root_id);
    const show = async (error?: ZhifaError) =>
      page(res, {
        title: label,
        case: { id: row.id, label: caseLabel(root?.business_key ?? null, root?.variables ?? null) },
        action: `/cases/${row.id}/events/${req.params.subscription}`,
        message: messageName,
        label,
        form: form && { title: form.schema.title, description: form.schema.description },
        fields: form ? formFields(form, variables, fieldErrors(error), await peopleOptions(db, deps.clock.now().getTime())) : [],
        error: error?.detail,
      }, error ? error.status : 200);
    if (form && body._confirm !== '1') return show();
    try {
      const result = await workflow.correlate({ name: messageName, instanceId: waiting ? sub.instance_id : row.id, variables }, user);
      if (result.late?.length) return res.redirect(303, `/cases/${row.id}?recorded=${encodeURIComponent(`${result.late[0]!.recordedAs}（期限已届满，案件不因此中止）`)}`);
      res.redirect(303, `/cases/${row.id}?recorded=${encodeURIComponent(label)}`);
    } catch (err) {
      if (err instanceof ZhifaError && err.status === 422) return show(err);
      throw err;
    }
  });
  return r;
}

function fieldErrors(error: ZhifaError | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  for (const e of (error?.extra?.errors ?? []) as Array<{ field: string; message: string }>) map[e.field] = map[e.field] ? `${map[e.field]}；${e.message}` : e.message;
  return map;
}
