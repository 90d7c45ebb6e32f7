import { completeTask, startInstance, view } from './fixtures.ts';
import type { ApiClient, TestServer } from './server.ts';

/**
 * Walking a penalty case through processes/penalty.bpmn, one region at a time: each helper of
 * issue 12 adds only the steps of its own region here.
 */

/** What 线索登记 (forms/penalty-start.json) records: a company whose lead was discovered on `leadDiscoveredOn`. */
export const lead = (leadDiscoveredOn: string, more: Record<string, unknown> = {}) => ({
  party: '湘西某化工有限公司',
  partyType: '法人及非法人组织',
  creditCode: '91433100MA4L12345F',
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

/** 线索登记 by the API (`party` overrides the company of `lead`), then 立案审批 by `head`: the case id. */
export async function fileCase(
  s: TestServer,
  head: ApiClient,
  key: string,
  leadDiscoveredOn: string,
  violationDate: string,
  more: Record<string, unknown> = {},
  party: Record<string, unknown> = {},
): Promise<string> {
  const id = await startInstance(s, 'penalty', lead(leadDiscoveredOn, party), key);
  await completeTask(s, head, id, 'filingApproval', filing(violationDate, more));
  return id;
}

/** The provisions a water-pollution case violates and applies (处罚法 art. 44: the notice states its basis). */
export const WATER_LAW = '中华人民共和国水污染防治法';
export const VIOLATED = [{ law: WATER_LAW, article: '十', text: '排放水污染物，不得超过国家或者地方规定的水污染物排放标准' }];
export const APPLIED = [{ law: WATER_LAW, article: '八十三', paragraph: '一', item: '二' }];

export interface Proposal {
  partyType: string;
  /** Penalty kind codes of rules/penalty-kinds.json. */
  kinds: string[];
  fine?: number;
  complexCase?: boolean;
  heavyPenalty?: boolean;
}

/** What 案件审查 (forms/penalty-case-review.json) records: the legal basis and the proposed penalty as data. */
export const caseReview = (p: Proposal, more: Record<string, unknown> = {}) => ({
  caseReviewOpinion: '事实清楚，证据确凿',
  partyType: p.partyType,
  violatedProvisions: VIOLATED,
  penaltyProvisions: APPLIED,
  proposedPenaltyKinds: p.kinds,
  ...(p.fine !== undefined && { proposedFineAmount: p.fine }),
  proposedPenalty: p.fine ? `罚款人民币${p.fine}元` : '警告',
  complexCase: p.complexCase ?? false,
  heavyPenalty: p.heavyPenalty ?? false,
  ...more,
});

/** Moves the test server's clock (the dev clock, admin only). */
export const moveClock = (s: TestServer, iso: string) => s.api.post('/api/dev/clock', { set: iso });

/**
 * 告知 on `noticeDate` and its 送达: handed to the party that day (直接送达) unless `receivedOn`
 * and `method` say otherwise. The statement period (P5WD) then counts from the day received.
 */
export async function notifyAndServe(
  s: TestServer,
  officer: ApiClient,
  id: string,
  noticeDate: string,
  service: { method?: string; receivedOn?: string; enteredAt?: string } = {},
): Promise<void> {
  await moveClock(s, `${noticeDate}T02:00:00Z`);
  await completeTask(s, officer, id, 'noticeOfPenalty', { noticeDate, rightsStated: true });
  if (service.enteredAt) await moveClock(s, service.enteredAt);
  await completeTask(s, officer, id, 'serviceOfNotice', {
    noticeServiceMethod: service.method ?? '直接送达',
    noticeReceivedOn: service.receivedOn ?? noticeDate,
    noticeRecipient: '当事人本人',
  });
}

/** What 调查取证 (forms/penalty-investigation.json) records: two officers, the facts and an evidence list. */
export const investigation = (more: Record<string, unknown> = {}) => ({
  investigators: ['officer1', 'officer2'],
  certificatesShown: true,
  facts: '2026年3月2日现场检查发现外排废水COD超标',
  evidence: [{ name: '现场检查笔录', kind: '勘验笔录、现场笔录' }],
  ...more,
});

/** What 提交审核材料 (forms/legal-review-submission.json) sends to 法制审核: the draft decision and the materials. */
export const legalReviewMaterials = (more: Record<string, unknown> = {}) => ({
  decisionDraft: '行政处罚决定书（代拟稿）：罚款人民币二十万元',
  factsAndEvidence: '现场检查笔录、监测报告',
  legalBasis: '《水污染防治法》第八十三条',
  discretionApplied: '超标倍数较高，按裁量基准中档处罚',
  investigators: ['officer1', 'officer2'],
  hearingHeld: false,
  ...more,
});

/**
 * A penalty case filed, investigated, reviewed with a heavy penalty proposed (so 法制审核 is
 * required), notified and served on `noticeDate`; with the statement period run out the case has
 * called legal-review. Returns the case id and the running legal review's id.
 */
export async function caseAtLegalReview(
  s: TestServer,
  users: { officer: ApiClient; reviewer: ApiClient; head: ApiClient },
  key: string,
  dates = { lead: '2026-03-02', noticeDate: '2026-03-03', periodOver: '2026-03-10T16:00:00Z' },
): Promise<{ id: string; legalReviewId: string }> {
  await moveClock(s, `${dates.lead}T01:00:00Z`);
  const id = await fileCase(s, users.head, key, dates.lead, '2026-03-01');
  await completeTask(s, users.officer, id, 'investigation', investigation());
  await completeTask(s, users.reviewer, id, 'caseReview', caseReview({ partyType: '法人及非法人组织', kinds: ['fine'], fine: 200000, heavyPenalty: true }));
  await notifyAndServe(s, users.officer, id, dates.noticeDate);
  await moveClock(s, dates.periodOver);
  const v = await view(s, id);
  const child = v.children.find((c: { processKey: string; status: string }) => c.processKey === 'legal-review' && c.status === 'running');
  if (!child) throw new Error(`no running legal review in ${id}: open ${v.tasks.map((t: { elementId: string }) => t.elementId)}`);
  return { id, legalReviewId: child.id };
}
