import { fromJson } from '../store/json.ts';

/** A case's number as people read it: its 立案编号 once filed (accepted), else the business key it was opened with. */
export function caseNumberText(businessKey: string | null, variables: Record<string, unknown>): string {
  return typeof variables.caseNo === 'string' && variables.caseNo ? variables.caseNo : (businessKey ?? '（尚未立案编号）');
}

/**
 * How a case is named everywhere (pages, lists, reminders, the digest): its number and its party
 * (or applicant), never the id the database knows it by. `variables` as stored (JSON) or read.
 */
export function caseLabel(businessKey: string | null, variables: string | Record<string, unknown> | null): string {
  const v = typeof variables === 'string' || variables === null ? fromJson<Record<string, unknown>>(variables, {}) : variables;
  return `${caseNumberText(businessKey, v)} ${String(v.party ?? v.applicant ?? '')}`.trim();
}
