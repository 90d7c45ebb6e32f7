import { expect } from 'chai';
import { completeTask, startInstance, view } from './fixtures.ts';
import type { ApiClient, TestServer } from './server.ts';

/** What a penalty case hands to the publication procedure; an employee named 张三 is redacted to 张某 on review. */
export const penaltyDecision = (party: string) => ({
  publicationKind: 'penalty',
  party,
  partyType: '法人及非法人组织',
  creditCode: '91433100MA4L12345F',
  legalRepresentative: '李四',
  penaltyDecisionNo: '湘西环罚〔2026〕12号',
  violationType: '超标排放大气污染物',
  facts: '2026年2月现场检查发现废气排放口二氧化硫浓度超标1.5倍；员工张三证实。',
  legalBasis: '《中华人民共和国大气污染防治法》第九十九条第二项',
  decidedPenaltyKinds: ['fine'],
  penaltyContent: '罚款人民币三十万元',
  decidedFineAmount: 300000,
  decisionDate: '2026-03-02',
});

/** A penalty decided on Monday 2 March 2026 published through processes/publication.bpmn as an officer confirms it; its publication id. */
export async function publishPenalty(s: TestServer, officer: ApiClient, party: string, businessKey: string): Promise<number> {
  const id = await startInstance(s, 'publication', penaltyDecision(party), businessKey);
  await completeTask(s, officer, id, 'review', { publicationExcluded: false, fieldsConfirmed: true, redactionChecked: true, namesToRedact: ['张三'] });
  const v = await view(s, id);
  expect(v.variables.published, JSON.stringify(v.variables)).to.equal(true);
  return v.variables.publicationId;
}

/** The decision revoked on review: 撤回公示 (processes/publication-withdrawal.bpmn) started for the case and completed by the officer. */
export async function withdrawPublication(s: TestServer, officer: ApiClient, publicationId: number, businessKey: string, explanation: string): Promise<void> {
  const wid = await startInstance(s, 'publication-withdrawal', { publicationId, withdrawalReason: '撤销' }, businessKey);
  await completeTask(s, officer, wid, 'withdraw', { withdrawalReason: '撤销', withdrawalExplanation: explanation });
  expect((await view(s, wid)).variables.publicationWithdrawn).to.equal(true);
}
