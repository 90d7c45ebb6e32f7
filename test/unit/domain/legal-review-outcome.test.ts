import { expect } from 'chai';
import { legalReviewOutcome, mayDecideAfterReview } from '../../../src/domain/legal-review-outcome.ts';

describe('legal-review outcome: the reviewer\'s opinion kept apart from a decision to go ahead (重大执法决定法制审核)', () => {
  it('is 审核通过 only when the reviewer agreed in the last round', () => {
    expect(legalReviewOutcome({ reviewOpinion: 'agree' })).to.equal('passed');
    // An earlier round's disagreement that upheld the review does not change a later 同意.
    expect(legalReviewOutcome({ reviewOpinion: 'agree', collectiveDecision: 'problems', coordinationResult: 'resolved-problems' })).to.equal('passed');
  });

  it('after problems found, says who decided to go ahead: coordination or collective discussion', () => {
    expect(legalReviewOutcome({ reviewOpinion: 'problems', collectiveDecision: 'agree', coordinationResult: 'resolved-agree' })).to.equal('proceedByCoordination');
    expect(legalReviewOutcome({ reviewOpinion: 'problems', collectiveDecision: 'agree', coordinationResult: 'unresolved' })).to.equal('proceedByCollectiveDiscussion');
    expect(legalReviewOutcome({ reviewOpinion: 'problems', collectiveDecision: 'problems' })).to.equal('pending');
  });

  it('the decision gate accepts the three outcomes that end a review, nothing else', () => {
    for (const o of ['passed', 'proceedByCoordination', 'proceedByCollectiveDiscussion']) expect(mayDecideAfterReview({ legalReviewOutcome: o }), o).to.equal(true);
    for (const o of ['pending', undefined, true, 'agree']) expect(mayDecideAfterReview({ legalReviewOutcome: o, legalReviewPassed: true }), String(o)).to.equal(false);
  });
});
