/**
 * How a legal review (法制审核) ended, kept apart from the reviewer's own opinion: the opinion stays
 * as the reviewer gave it (同意 / 存在问题), and a decision to go ahead despite problems found is
 * recorded as what it was — 经协调决定 (the head in charge coordinated and both sides agreed) or
 * 经集体讨论决定 (the agency's collective discussion decided) — never as 审核通过.
 */
export const LEGAL_REVIEW_OUTCOMES = {
  pending: '尚未审核完毕',
  passed: '审核通过',
  proceedByCoordination: '审核存在问题，经协调决定作出决定',
  proceedByCollectiveDiscussion: '审核存在问题，经集体讨论决定作出决定',
} as const;

export type LegalReviewOutcome = keyof typeof LEGAL_REVIEW_OUTCOMES;

/** The outcomes after which the decision may be made (the decision gate accepts exactly these). */
const MAY_DECIDE: ReadonlySet<string> = new Set<LegalReviewOutcome>(['passed', 'proceedByCoordination', 'proceedByCollectiveDiscussion']);

export function mayDecideAfterReview(variables: Record<string, unknown>): boolean {
  return typeof variables.legalReviewOutcome === 'string' && MAY_DECIDE.has(variables.legalReviewOutcome);
}

/**
 * The outcome once the review ends (legal-review `recordOutcome`): the reviewer's 同意 in the last
 * round, or else the binding conclusion of the disagreement process that sent the case on — by
 * coordination when the head's coordination agreed, by collective discussion otherwise.
 */
export function legalReviewOutcome(variables: Record<string, unknown>): LegalReviewOutcome {
  if (variables.reviewOpinion === 'agree') return 'passed';
  if (variables.collectiveDecision !== 'agree') return 'pending';
  return variables.coordinationResult === 'resolved-agree' ? 'proceedByCoordination' : 'proceedByCollectiveDiscussion';
}
