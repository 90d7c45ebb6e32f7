import type { TaskForm } from '../../../domain/forms.ts';
import type { Agency } from '../../../domain/publication/agency.ts';
import { reviewPreview, type ReviewPreview } from '../../../domain/publication/preview.ts';
import { checkRedactionLists } from '../../../domain/publication/redaction.ts';
import { ZhifaError } from '../../../errors.ts';

/**
 * 公示信息审核 (the form with the rule `publicationComplete`) shows what will be published: every
 * field as the public page shows it, built by the publication's own function from the case and
 * what the reviewer has entered so far (their names and terms to redact included), so what the
 * reviewer confirms is what the public reads.
 */
export function publicationReviewView(form: TaskForm | undefined, caseVars: Record<string, unknown>, submitted: Record<string, unknown> | undefined, agency: Agency): ReviewPreview | null {
  if (!form?.rules.publicationComplete) return null;
  return reviewPreview({ ...caseVars, ...(submitted ?? {}) }, agency);
}

/** A preview asked for with entries that would be refused on submission says so at once, in the same words. */
export function previewProblems(form: TaskForm, variables: Record<string, unknown>): ZhifaError | undefined {
  const title = (field: string) => (form.schema.properties?.[field] as { title?: string } | undefined)?.title ?? field;
  const errors = checkRedactionLists(form.rules.redactionLists ?? [], variables, title);
  if (!errors.length) return undefined;
  return new ZhifaError('unprocessable', `表单「${form.schema.title ?? form.key}」有误：${errors.map((e) => e.message).join('；')}`, { extra: { errors } });
}
