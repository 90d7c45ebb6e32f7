import type { Clock } from '../clock.ts';
import { ZhifaError } from '../errors.ts';
import type { Tx } from '../store/db.ts';
import { instanceById } from '../store/instances.ts';
import { fromJson } from '../store/json.ts';
import type { TaskRow } from '../store/tasks.ts';
import type { FormRegistry } from './forms.ts';
import { checkCertifiedOfficers } from './personnel.ts';

export type SubmissionCheck = (tx: Tx, task: TaskRow, variables: Record<string, unknown>) => Promise<void>;

/**
 * A task completed through its form is checked against it before the case may move: the schema,
 * then the rules that need the database (certified, distinct officers). The answer is one 422
 * with a message per field, in the words staff read.
 */
export function createSubmissionCheck(forms: FormRegistry, clock: Clock): SubmissionCheck {
  return async (tx, task, variables) => {
    const form = forms.get(task.form_key);
    if (!form) return;
    const errors = forms.check(form, variables);
    for (const field of form.rules.certifiedOfficers ?? []) {
      const title = form.schema.properties?.[field]?.title ?? field;
      errors.push(...(await checkCertifiedOfficers(tx, field, title, variables[field], clock.now().getTime())));
    }
    if (form.rules.requiresPassedReview) {
      const vars = fromJson<Record<string, unknown>>((await instanceById(tx, task.instance_id))?.variables, {});
      if (vars.legalReviewRequired === true && vars.legalReviewPassed !== true) {
        const rule = vars.legalReviewRuleLabel ? `（${String(vars.legalReviewRuleLabel)}）` : '';
        errors.push({ field: '', message: `本案属于法制审核目录${rule}，未经法制审核或审核未通过，不得作出决定` });
      }
    }
    if (errors.length) {
      throw new ZhifaError('unprocessable', `表单「${form.schema.title ?? form.key}」有误：${errors.map((e) => e.message).join('；')}`, { extra: { errors } });
    }
  };
}
