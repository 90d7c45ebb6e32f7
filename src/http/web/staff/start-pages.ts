import { Router, type Response } from 'express';
import type { TaskForm } from '../../../domain/forms.ts';
import { startFormKey } from '../../../domain/start-check.ts';
import { notFound, ZhifaError } from '../../../errors.ts';
import { procedureNames } from '../../../workflow/case-list.ts';
import { fieldErrorMap } from '../shared/field-errors.ts';
import { formFields } from '../shared/form-fields.ts';
import { formInput } from '../shared/form-input.ts';
import { FORM_SCRIPTS } from '../shared/form-scripts.ts';
import { peopleOptions } from '../shared/people.ts';
import { userOf } from '../shared/session.ts';
import { staffPage, type StaffDeps } from './staff-deps.ts';

/** 新建案件: the processes with a start form, and starting one. */
export function startPages(deps: StaffDeps): Router {
  const { workflow, forms } = deps;
  const db = workflow.db;
  const r = Router();
  const page = staffPage(deps.views);

  r.get('/cases/new', async (_req, res) => {
    // Each procedure by its newest version's name (as the case list names it), those with a start form.
    const processes = [...(await procedureNames(db))].filter(([key]) => forms.get(startFormKey(key))).map(([key, name]) => ({ key, name }));
    page(res, 'new-case', { title: '新建案件', processes });
  });

  const startForm = (key: string): TaskForm => {
    const form = forms.get(startFormKey(key));
    if (!form) throw notFound(`流程「${key}」没有启动表单（forms/${startFormKey(key)}.json）`);
    return form;
  };
  // The party picker: registered parties found by name or number, one of which the case may start with.
  const partyChoices = async (q: string, chosen: number | undefined) => {
    const found = q ? await deps.parties.search(q) : [];
    if (chosen !== undefined && !found.some((p) => p.id === chosen)) found.unshift(await deps.parties.get(chosen));
    return found.map((p) => ({ id: p.id, name: p.name, number: p.credit_code ?? p.id_number ?? '', partyType: p.party_type, selected: p.id === chosen }));
  };
  const renderStart = async (res: Response, key: string, form: TaskForm, values: Record<string, unknown>, party: { q: string; id?: number }, error?: ZhifaError) => {
    const people = await peopleOptions(db, deps.clock.now().getTime());
    const parties = await partyChoices(party.q, party.id);
    page(res, 'start', { title: form.schema.title, key, form: { title: form.schema.title, description: form.schema.description }, partyQ: party.q, parties, partySearched: Boolean(party.q), fields: formFields(form, values, fieldErrorMap(error), people), error: error?.detail, scripts: FORM_SCRIPTS }, error?.status ?? 200);
  };

  r.get('/cases/new/:key', async (req, res) => {
    const q = typeof req.query.partyQ === 'string' ? req.query.partyQ.trim().slice(0, 200) : '';
    await renderStart(res, req.params.key, startForm(req.params.key), {}, { q });
  });

  r.post('/cases/new/:key', async (req, res) => {
    const form = startForm(req.params.key);
    const variables = formInput(form, req.body ?? {});
    const businessKey = typeof req.body?.businessKey === 'string' && req.body.businessKey.trim() ? req.body.businessKey.trim() : undefined;
    const partyId = typeof req.body?.partyId === 'string' && /^\d+$/.test(req.body.partyId) ? Number(req.body.partyId) : undefined;
    // The same check as the API's start (src/domain/start-check.ts): the page only shows its answer.
    try {
      const { id } = await workflow.start({ processKey: req.params.key, businessKey, variables, partyId }, userOf(req)!);
      res.redirect(303, `/cases/${id}`);
    } catch (err) {
      if (err instanceof ZhifaError && err.status === 422) return renderStart(res, req.params.key, form, variables, { q: '', id: partyId }, err);
      throw err;
    }
  });
  return r;
}
