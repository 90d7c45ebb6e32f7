import type { FieldError } from '../form-messages.ts';
import type { Agency } from './agency.ts';
import { buildPublication, FIELD_ORDER, missingRequiredFields, type PublicationFields } from './fields.ts';
import { REDACTION_REASONS, redactionOptionsOf, type RedactedPart } from './redaction.ts';
import { NUMBER_FIELD } from './published-decision.ts';
import { dateOf, DEFAULT_PUBLICATION_PERIODS, PUBLICATION_KINDS, publicationEnd, type PublicationKind } from './periods.ts';

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/**
 * What the publication review would publish, from the case as it stands and what the reviewer
 * submits: the same fields publishDecision builds (number and date as findDecision found them, or
 * the number the reviewer entered). The listing's last day is counted with the default periods;
 * publishDecision counts it again with the agency's.
 */
export function publicationPreview(variables: Record<string, unknown>, agency: Agency): { kind: PublicationKind; fields: PublicationFields; parts: Record<string, RedactedPart[]> } | null {
  const kind = variables.publicationKind as PublicationKind;
  if (!PUBLICATION_KINDS.includes(kind)) return null;
  const decisionDate = dateOf(variables.publicationDecisionDate) ?? '';
  // The same end as publishDecision counts (services.ts), with the default periods.
  const override = typeof variables.publicationPeriod === 'string' && variables.publicationPeriod ? variables.publicationPeriod : undefined;
  const lastDay = decisionDate ? publicationEnd(kind, decisionDate, { serious: variables.serious === true, validTo: dateOf(variables.validUntil), override }, DEFAULT_PUBLICATION_PERIODS).lastDay : '';
  return { kind, ...buildPublication(kind, variables, { agency, decisionNo: text(variables.publicationDecisionNo), decisionDate, lastDay }) };
}

/** What the review page shows: every field as the public page will show it, each redaction marked, listed with why, and the reviewer's entries found nowhere. */
export interface ReviewPreview {
  kind: PublicationKind;
  fields: Array<{ name: string; parts: Array<{ text: string; reason?: string }> }>;
  redactions: Array<{ field: string; original: string; published: string; reason: string }>;
  notFound: string[];
}

export function reviewPreview(variables: Record<string, unknown>, agency: Agency): ReviewPreview | null {
  const preview = publicationPreview(variables, agency);
  if (!preview) return null;
  const order = FIELD_ORDER[preview.kind];
  const names = [...order.filter((n) => n in preview.fields), ...Object.keys(preview.fields).filter((n) => !order.includes(n))];
  const redactions: ReviewPreview['redactions'] = [];
  const fields = names.map((name) => {
    const parts = preview.parts[name] ?? [{ text: String(preview.fields[name] ?? '') }];
    for (const p of parts) if (p.redacted) redactions.push({ field: name, original: p.redacted.original, published: p.text, reason: REDACTION_REASONS[p.redacted.reason] });
    return { name, parts: parts.filter((p) => p.text).map((p) => (p.redacted ? { text: p.text, reason: REDACTION_REASONS[p.redacted.reason] } : { text: p.text })) };
  });
  const options = redactionOptionsOf(variables);
  const found = new Set(redactions.map((r) => r.original));
  const notFound = [...(options.names ?? []), ...(options.texts ?? [])].map((e) => e.trim()).filter((e) => e && !found.has(e));
  return { kind: preview.kind, fields, redactions, notFound };
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
