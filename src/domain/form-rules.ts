import { periodsAfterProblems, type PeriodAfter } from './date-rules.ts';
import { finePaymentProblems, type FinePaymentRule } from './fine-payment.ts';
import { collectiveQuorumProblems, type CollectiveFields } from './collective-quorum.ts';
import { dateOrderProblems } from './date-order.ts';
import { paymentScheduleProblems, type PaymentScheduleRule } from './payment-schedule.ts';
import { partyNumberRuleProblems, type PartyNumberRule } from './party-number-rule.ts';
import type { PersonNotIn } from './penalty-form-rules.ts';
import { PENALTY_TRANSFER_RULES, type PenaltyTransferRule } from './penalty-transfer.ts';

/** Zhifa's own keywords in a form (`x-zhifa`): rules that need more than the submitted data. */
export interface FormRules {
  /** Fields holding usernames of enforcement officers who must hold a valid certificate and be distinct. */
  certifiedOfficers?: string[];
  /** Investigation and on-site steps: whoever completes the task must hold a valid enforcement certificate. */
  certifiedActor?: boolean;
  /**
   * A decision step: refused while the case needs a legal review that has not passed. A field name
   * instead of true gates only a submission whose field is true: an approval (查封、扣押的批准) may be
   * refused at any time but given only after the review.
   */
  requiresPassedReview?: boolean | string;
  /** Case variables (a username or a list) naming people who may not complete this task (a reviewer is not an investigator). */
  excludeActorsIn?: string[];
  /** Case variable in which the submitter's username is kept (e.g. who handled the case). */
  recordActorAs?: string;
  /** Documents (documents/<kind>.hbs) issued, numbered and filed when the task completes. */
  issueDocuments?: string[];
  /** Date fields that must lie at least a period (P7WD, P15CD) after another date, or after today. */
  periodsAfter?: PeriodAfter[];
  /** A fine payment: the amount must be the fine plus the surcharge due on the day paid. */
  finePayment?: FinePaymentRule;
  /** The case's dates follow the procedure's order (rules/<name>-date-order.json) and none lies in the future. */
  dateOrder?: string;
  /** A collective discussion: members from the leadership group, at least the quorum (rules/collective-discussion.json). */
  collectiveQuorum?: CollectiveFields;
  /** A penalty decision: the decided penalty is no heavier than the notified one (处罚法 art. 45). */
  notHeavierThanNotice?: boolean;
  /** The violation library and discretion benchmark (case-discretion.ts): "compute" at the case review, "check" at the decision. */
  discretion?: 'compute' | 'check';
  /** A deferral or instalments approved: the schedule must add up to the fine and end after paymentLastDay. */
  paymentSchedule?: PaymentScheduleRule;
  /** 立案审批: the filing clock it closes (a late decision records why) and the limitation period (src/domain/filing-check.ts). */
  filingDecision?: { clock: string };
  /** A start form's party number (统一社会信用代码, or a 自然人's 公民身份号码) checked by its check digit (party-number-rule.ts). */
  partyNumber?: PartyNumberRule;
  /** Date fields that may not lie after today (a start form's dates, checked when the case starts). */
  notAfterToday?: string[];
  /** Case variables a step needs before it may be done (the notice needs the legal basis). */
  requiresCaseVariables?: string[];
  /** A person named in a field who may not be one of the case's investigators or reviewer. */
  personNotIn?: PersonNotIn[];
  /** Fields naming users of the system. */
  knownUsers?: string[];
  /** 公示信息审核: refused while a field the credit platform requires is empty (publication/preview.ts). */
  publicationComplete?: boolean;
  /** 公示信息审核: the reviewer's lists of what to redact, each entry a name or term of 2 to 30 characters (publication/redaction.ts). */
  redactionLists?: string[];
  /** A message form: a message that comes when the case no longer waits for it is recorded on the case under this label instead of refused. */
  recordLateAs?: string;
  /** A seizure transferred to the penalty procedure (src/domain/penalty-transfer.ts): the penalty case linked, or its decision read. */
  penaltyTransfer?: PenaltyTransferRule;
  /** A step done after its task's due time: `reason` (a field) is required and `flag` (a case variable) records true, else false. */
  lateStep?: { reason: string; flag: string };
}

type RuleCheck = (value: unknown, fields: string[]) => string[];

const isName = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z_][\w-]*$/.test(v);
const names = (what: string, fieldsOnly: boolean): RuleCheck => (value, fields) => {
  if (!Array.isArray(value) || value.length === 0 || !value.every(isName)) return [`must be a non-empty list of ${what}`];
  return fieldsOnly ? value.filter((f) => !fields.includes(f)).map((f) => `"${f}" is not a field of the form`) : [];
};
const flag: RuleCheck = (value) => (value === true || value === false ? [] : ['must be true or false']);

/**
 * Every rule a form may name, with the check of its argument. A rule this table does not know
 * is a misspelling that would silently drop a safeguard (the certified-officer check, the legal
 * review gate), so it stops the server when the form loads instead.
 */
const RULES: Record<keyof FormRules, RuleCheck> = {
  certifiedOfficers: names('field names', true),
  certifiedActor: flag,
  requiresPassedReview: (value, fields) => (typeof value === 'string' ? (fields.includes(value) ? [] : [`"${value}" is not a field of the form`]) : flag(value, fields)),
  excludeActorsIn: names('case variable names', false),
  recordActorAs: (value) => (isName(value) ? [] : ['must name the case variable that keeps the username']),
  issueDocuments: names('document kinds (documents/<kind>.hbs)', false),
  periodsAfter: (value, fields) => periodsAfterProblems(value, fields).map((p) => p.replace(/^x-zhifa\.periodsAfter:? ?/, '')),
  finePayment: (value, fields) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? finePaymentProblems(value as FinePaymentRule, fields).map((p) => p.replace(/^x-zhifa\.finePayment: /, ''))
      : ['must be {"paidOn": "<date field>", "paidAmount": "<amount field>"}'],
  dateOrder: (value) => dateOrderProblems(value),
  collectiveQuorum: collectiveQuorumProblems,
  notHeavierThanNotice: (value, fields) =>
    value !== true && value !== false ? ['must be true or false'] : ['decidedPenaltyKinds', 'decidedFineAmount'].filter((f) => value && !fields.includes(f)).map((f) => `"${f}" is not a field of the form`),
  paymentSchedule: paymentScheduleProblems,
  discretion: (value, fields) =>
    value === 'compute' ? (fields.includes('violationCode') ? [] : ['"violationCode" is not a field of the form'])
      : value === 'check' ? ['decidedFineAmount', 'discretionDeviationReason'].filter((f) => !fields.includes(f)).map((f) => `"${f}" is not a field of the form`)
        : ['must be "compute" or "check"'],
  publicationComplete: flag,
  redactionLists: names('field names', true),
  filingDecision: (value) =>
    value && typeof value === 'object' && isName((value as { clock?: unknown }).clock) ? [] : ['must be {"clock": "<name of the filing clock>"}'],
  notAfterToday: names('date fields', true),
  partyNumber: partyNumberRuleProblems,
  requiresCaseVariables: names('case variable names', false),
  personNotIn: (value, fields) =>
    Array.isArray(value) && value.every((r) => r && isName(r.field) && fields.includes(r.field) && Array.isArray(r.notIn) && r.notIn.every(isName))
      ? []
      : ['must be a list of {"field": "<field of the form>", "notIn": ["<case variable>", …]}'],
  knownUsers: names('field names', true),
  recordLateAs: (value) => (typeof value === 'string' && value.trim() ? [] : ['must be the label under which a late message is recorded']),
  penaltyTransfer: (value) => ((PENALTY_TRANSFER_RULES as readonly unknown[]).includes(value) ? [] : [`must be one of ${PENALTY_TRANSFER_RULES.join(', ')}`]),
  lateStep: (value, fields) => {
    const v = value as { reason?: unknown; flag?: unknown } | null;
    return v && typeof v === 'object' && isName(v.reason) && fields.includes(v.reason) && isName(v.flag) ? [] : ['must be {"reason": "<field of the form>", "flag": "<case variable>"}'];
  },
};

/** Problems with a form's `x-zhifa` block, each naming the rule; empty when every rule is known and well formed. */
export function formRulesProblems(rules: unknown, fields: string[]): string[] {
  if (rules === undefined) return [];
  if (!rules || typeof rules !== 'object' || Array.isArray(rules)) return ['x-zhifa must be an object of rules'];
  const problems: string[] = [];
  for (const [name, value] of Object.entries(rules)) {
    const check = Object.hasOwn(RULES, name) ? RULES[name as keyof FormRules] : undefined;
    if (!check) {
      problems.push(`x-zhifa: unknown rule "${name}" (known rules: ${Object.keys(RULES).join(', ')})`);
      continue;
    }
    problems.push(...check(value, fields).map((p) => `x-zhifa.${name}: ${p}`));
  }
  return problems;
}
