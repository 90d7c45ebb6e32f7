import { caseLabel } from '../../../domain/case-label.ts';
import { Router, type Request, type Response } from 'express';
import type { Clock } from '../../../clock.ts';
import type { FormRegistry } from '../../../domain/forms.ts';
import { notFound, ZhifaError } from '../../../errors.ts';
import { awaitedMessage } from '../../../workflow/awaited-message.ts';
import type { Workflow } from '../../../workflow/workflow.ts';
import { assertCaseAccess } from '../../case-access.ts';
import { fieldErrorMap } from '../shared/field-errors.ts';
import { formFields } from '../shared/form-fields.ts';
import { formInput } from '../shared/form-input.ts';
import { FORM_SCRIPTS } from '../shared/form-scripts.ts';
import { peopleOptions } from '../shared/people.ts';
import { userOf } from '../shared/session.ts';
import type { Views } from '../shared/views.ts';

export interface CaseEventDeps {
  workflow: Workflow;
  forms: FormRegistry;
  clock: Clock;
  views: Views;
}

type CaseRow = Awaited<ReturnType<typeof assertCaseAccess>>;

/** What is being recorded: the message, its label, and the instance to send it to. */
interface EventTarget { messageName: string; label: string; instanceId: string }

/**
 * 登记事项 on the case page: an outside event the case waits for (a hearing request, a statement).
 * A message with a form (forms/<message>.json) opens that form first and is sent only once the
 * user confirms, since it may pause a statutory clock; the same checks as the API apply. One that
 * comes after the case stopped waiting is recorded on the case (x-zhifa.recordLateAs) and the
 * user is told so, rather than answered "not found".
 */
export function caseEventPages(deps: CaseEventDeps): Router {
  const { workflow, forms } = deps;
  const r = Router();

  r.post('/cases/:id/events/:subscription', async (req: Request, res: Response) => {
    const user = userOf(req)!;
    const row = await assertCaseAccess(workflow.db, user, req.params.id as string);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const target = await eventTarget(row, Number(req.params.subscription), body);
    const form = forms.get(target.messageName);
    const variables = form ? formInput(form, body) : {};
    const show = (error?: ZhifaError) => showForm(res, row, String(req.params.subscription), target, variables, error);
    if (form && body._confirm !== '1') return show();
    try {
      const result = await workflow.correlate({ name: target.messageName, instanceId: target.instanceId, variables }, user);
      const recorded = result.late?.length ? `${result.late[0]!.recordedAs}（期限已届满，案件不因此中止）` : target.label;
      res.redirect(303, `/cases/${row.id}?recorded=${encodeURIComponent(recorded)}`);
    } catch (err) {
      if (err instanceof ZhifaError && err.status === 422) return show(err);
      throw err;
    }
  });
  return r;

  /** The message the case waits for at this subscription; once it no longer waits, the message the page named (recorded late, if at all). */
  async function eventTarget(row: CaseRow, subscription: number, body: Record<string, unknown>): Promise<EventTarget> {
    const awaited = await awaitedMessage(workflow, row.root_id, subscription);
    if (awaited) return awaited;
    const messageName = typeof body._message === 'string' ? body._message : undefined;
    if (!messageName) throw notFound('此案件没有在等待这个事项（可能已被他人登记）');
    return { messageName, label: String(body._label ?? messageName), instanceId: row.id };
  }

  /** The message's form, filled as sent, with the errors of a refused submission. */
  async function showForm(res: Response, row: CaseRow, subscription: string, target: EventTarget, variables: Record<string, unknown>, error?: ZhifaError) {
    const form = forms.get(target.messageName);
    const people = form ? await peopleOptions(workflow.db, deps.clock.now().getTime()) : [];
    res.status(error ? error.status : 200).type('html').send(deps.views.render('case-event', {
      ...res.locals,
      title: target.label,
      case: { id: row.id, label: caseLabel(row.business_key, row.variables) },
      action: `/cases/${row.id}/events/${subscription}`,
      message: target.messageName,
      label: target.label,
      form: form && { title: form.schema.title, description: form.schema.description },
      fields: form ? formFields(form, variables, fieldErrorMap(error), people) : [],
      error: error?.detail,
      scripts: FORM_SCRIPTS,
    }));
  }
}
