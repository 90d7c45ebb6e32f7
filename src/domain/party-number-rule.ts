import { creditCodeProblem, idNumberProblem, normaliseNumber } from './party-numbers.ts';

/**
 * `x-zhifa.partyNumber` of a start form: the field holding the party's number, checked by its
 * check digit when the case starts, so a mistyped code is refused on the form instead of reaching
 * the register, the decision and the credit platform. The number is a 统一社会信用代码, or, when
 * the party-type field says 自然人, a 公民身份号码 (the forms' one number field holds either,
 * as the party register reads it).
 */
export interface PartyNumberRule {
  field: string;
  /** The field saying what kind of party it is (自然人, 法人及非法人组织, 个体工商户). */
  partyType?: string;
}

const isName = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z_][\w-]*$/.test(v);

/** Problems with the rule as a form writes it (checked when the form loads). */
export function partyNumberRuleProblems(value: unknown, fields: string[]): string[] {
  const v = value as Partial<PartyNumberRule> | null;
  if (!v || typeof v !== 'object' || !isName(v.field) || (v.partyType !== undefined && !isName(v.partyType))) return ['must be {"field": "<number field>", "partyType": "<party type field>"}'];
  return [v.field, v.partyType].filter((f): f is string => f !== undefined && !fields.includes(f)).map((f) => `"${f}" is not a field of the form`);
}

/**
 * The number as it is kept (spaces removed, x upper-cased) and the field's error, if any; `today`
 * (YYYY-MM-DD) refuses a date of birth to come. A field left empty is no number and no error.
 */
export function checkPartyNumber(rule: PartyNumberRule, variables: Record<string, unknown>, today?: string): { variables: Record<string, unknown>; errors: Array<{ field: string; message: string }> } {
  const raw = variables[rule.field];
  if (typeof raw !== 'string' || !raw.trim()) return { variables, errors: [] };
  const number = normaliseNumber(raw);
  const person = rule.partyType !== undefined && variables[rule.partyType] === '自然人';
  const problem = person ? idNumberProblem(number, today) : creditCodeProblem(number);
  return { variables: { ...variables, [rule.field]: number }, errors: problem ? [{ field: rule.field, message: problem }] : [] };
}
