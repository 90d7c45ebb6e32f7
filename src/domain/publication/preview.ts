import type { FieldError } from '../form-messages.ts';
import type { Agency } from './agency.ts';
import { buildFields, missingRequiredFields, type PublicationFields } from './fields.ts';
import { NUMBER_FIELD } from './published-decision.ts';
import { dateOf, DEFAULT_PUBLICATION_PERIODS, PUBLICATION_KINDS, publicationEnd, type PublicationKind } from './periods.ts';

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/**
 * What the publication review would publish, from the case as it stands and what the reviewer
 * submits: the same fields publishDecision builds (number and date as findDecision found them, or
 * the number the reviewer entered). The listing's last day is counted with the default periods;
 * publishDecision counts it again with the agency's.
 */
export function publicationPreview(variables: Record<string, unknown>, agency: Agency): { kind: PublicationKind; fields: PublicationFields } | null {
  const kind = variables.publicationKind as PublicationKind;
  if (!PUBLICATION_KINDS.includes(kind)) return null;
  const decisionDate = dateOf(variables.publicationDecisionDate) ?? '';
  const lastDay = decisionDate ? publicationEnd(kind, decisionDate, { serious: variables.serious === true, validTo: dateOf(variables.validTo) }, DEFAULT_PUBLICATION_PERIODS).lastDay : '';
  return { kind, fields: buildFields(kind, variables, { agency, decisionNo: text(variables.publicationDecisionNo), decisionDate, lastDay }) };
}

/** The form rule `"publicationComplete": true` (公示信息审核): no required field may be empty unless the decision is not published. */
export function checkPublicationComplete(submitted: Record<string, unknown>, caseVars: Record<string, unknown>, agency: Agency): FieldError[] {
  const merged = { ...caseVars, ...submitted };
  if (merged.publicationExcluded === true) return [];
  const preview = publicationPreview(merged, agency);
  if (!preview) return [];
  // A missing number is refused by publishDecision, naming where it was looked for (published-decision.ts).
  const missing = missingRequiredFields(preview.kind, preview.fields, merged).filter((name) => name !== NUMBER_FIELD[preview.kind]);
  if (!missing.length) return [];
  return [{ field: '', message: `公示信息不完整，不能审核通过：${missing.map((m) => `「${m}」`).join('')}为空；请在案件相应环节补充后再审核公示` }];
}
