import { completeTask, startInstance } from './fixtures.ts';
import type { ApiClient, TestServer } from './server.ts';

/**
 * Walking a penalty case through processes/penalty.bpmn, one region at a time: each helper of
 * issue 12 adds only the steps of its own region here.
 */

/** What 线索登记 (forms/penalty-start.json) records: a company whose lead was discovered on `leadDiscoveredOn`. */
export const lead = (leadDiscoveredOn: string, more: Record<string, unknown> = {}) => ({
  party: '湘西某化工有限公司',
  partyType: '法人及非法人组织',
  creditCode: '91433100MA4L12345X',
  legalRepresentative: '李四',
  partyAddress: '湖南省吉首市经济开发区1号',
  lead: '群众举报夜间偷排废水',
  leadDiscoveredOn,
  ...more,
});

/** What 立案审批 (forms/penalty-filing.json) records when the head files the case. */
export const filing = (violationDate: string, more: Record<string, unknown> = {}) => ({
  fileCase: true,
  filingOpinion: '同意立案',
  caseCause: '超标排放水污染物',
  violationDate,
  ...more,
});

/** 线索登记 by the API, then 立案审批 by `head`: the case id. */
export async function fileCase(s: TestServer, head: ApiClient, key: string, leadDiscoveredOn: string, violationDate: string, more: Record<string, unknown> = {}): Promise<string> {
  const id = await startInstance(s, 'penalty', lead(leadDiscoveredOn), key);
  await completeTask(s, head, id, 'filingApproval', filing(violationDate, more));
  return id;
}
