import { expect } from 'chai';
import { completeTask, view } from './fixtures.ts';
import { ApiClient, type TestServer } from './server.ts';

/**
 * 查封、扣押 is in the agency's legal-review catalog (rules/legal-review-catalog.json): a seizure
 * case starts with the review of the seizure decision, and the head approves only once it passed.
 * Tests that need a seizure approved and on site pass the review first with this.
 */
export async function seizureReviewPassed(s: TestServer, caseId: string): Promise<string> {
  const review = (await view(s, caseId)).children.find((c: { processKey: string; status: string }) => c.processKey === 'legal-review' && c.status === 'running');
  expect(review, 'a running legal review of the seizure').to.exist;
  const officer = await ApiClient.login(s.base, 'officer1', 'demo');
  const legal = await ApiClient.login(s.base, 'legal1', 'demo');
  await completeTask(s, officer, review.id, 'submit', {
    decisionDraft: '查封、扣押决定书（代拟稿）', factsAndEvidence: '现场检查笔录、照片', legalBasis: '《中华人民共和国行政强制法》第十八条',
    discretionApplied: '不适用', investigators: ['officer1', 'officer2'], hearingHeld: false,
  });
  await completeTask(s, legal, review.id, 'review', {
    checkCompetence: true, checkPowers: true, checkProcedure: true, checkFactsEvidence: true,
    checkLawAndDiscretion: true, checkDocuments: true, criminalReferralNeeded: false, reviewOpinion: 'agree',
  });
  return review.id as string;
}
