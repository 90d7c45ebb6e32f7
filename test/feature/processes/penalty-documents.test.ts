import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { DocumentTemplates } from '../../../src/domain/documents.ts';
import { documentProblems, visibleText } from '../../../src/domain/document-quality.ts';
import { completeTask, startForDepartmentOf, view } from '../../helpers/fixtures.ts';
import { caseReview, filing, lead, notifyAndServe } from '../../helpers/penalty-case.ts';
import { ApiClient, type TestServer, startProcessServer } from '../../helpers/server.ts';

/**
 * Every penalty document (documents/penalty-*.hbs) read as the party would (issue 12, "Documents";
 * 处罚法 arts. 44, 59, 61): rendered from the variables of a case run through the real diagram,
 * none may show an empty field, doubled punctuation, a program's words or a user name.
 */
const DOCUMENTS = path.resolve(import.meta.dirname, '../../../documents');
const PENALTY_KINDS = fs.readdirSync(DOCUMENTS).filter((f) => /^penalty-.*\.hbs$/.test(f)).map((f) => f.replace(/\.hbs$/, ''));

describe('Feature: 行政处罚文书 read as the party would — every documents/penalty-*.hbs of a full case', () => {
  let s: TestServer;
  let officer1: ApiClient;
  let reviewer1: ApiClient;
  let head1: ApiClient;
  let caseId: string;
  let usernames: string[];

  const at = async (iso: string) => s.api.post('/api/dev/clock', { set: iso });
  const complete = (who: ApiClient, elementId: string, variables: Record<string, unknown>) => completeTask(s, who, caseId, elementId, variables);

  /** A company fined 50,000 yuan with its illegal gains confiscated: filed, investigated, reviewed, notified, decided and served. */
  before(async () => {
    s = await startProcessServer('penalty-documents');
    [officer1, reviewer1, head1] = await Promise.all(['officer1', 'reviewer1', 'head1'].map((u) => ApiClient.login(s.base, u, 'demo')));
    usernames = ((await s.zhifa.db('users').select('username')) as Array<{ username: string }>).map((u) => u.username);
    await at('2026-03-02T01:00:00Z');
    caseId = await startForDepartmentOf(s, 'officer1', 'penalty', lead('2026-03-01'), 'DOC-1');
    await complete(head1, 'filingApproval', filing('2026-02-27'));
    await complete(officer1, 'investigation', {
      investigators: ['officer1', 'officer2'],
      certificatesShown: true,
      facts: '2026年2月27日现场检查发现外排废水化学需氧量超标1.2倍',
      evidence: [{ name: '现场检查笔录', kind: '勘验笔录、现场笔录' }, { name: '监测报告', kind: '鉴定意见' }],
    });
    await complete(reviewer1, 'caseReview', caseReview({ partyType: '法人及非法人组织', kinds: ['fine', 'confiscateIllegalGains'], fine: 50000 }, { proposedPenalty: '罚款人民币伍万元整，没收违法所得' }));
    await notifyAndServe(s, officer1, caseId, '2026-03-03');
    await at('2026-03-10T16:00:00Z');
    await at('2026-03-11T02:00:00Z');
    await complete(head1, 'decision', {
      decisionDate: '2026-03-11',
      penaltyContent: '罚款，没收违法所得',
      decidedPenaltyKinds: ['fine', 'confiscateIllegalGains'],
      decidedFineAmount: 50000,
      evidenceReason: '现场检查笔录、监测报告相互印证，予以采信',
      legalBasisReason: '违反《中华人民共和国水污染防治法》第十条，依第八十三条第二项处罚',
      discretionReason: '首次违法、及时改正，按裁量基准从轻档处罚',
      confiscatedItems: [{ name: '违法销售废机油所得', quantity: '1笔' }, { name: '私设暗管', quantity: '1套', note: '已拆除' }],
      confiscatedAmount: 20000,
    });
    await complete(officer1, 'serviceOfDecision', { serviceDate: '2026-03-11', serviceMethod: '直接送达', recipient: '李四', decisionServedBy: ['officer1', 'officer2'] });
  });
  after(() => s.close());

  it('issues the notice, the decision and the confiscation list, each clean (处罚法 arts. 44, 59)', async () => {
    const docs = (await s.api.get(`/api/instances/${caseId}/documents`)).body as Array<{ id: number; kind: string }>;
    expect(docs.map((d) => d.kind)).to.include.members(['penalty-notice', 'penalty-notice-receipt', 'penalty-decision', 'penalty-decision-receipt', 'penalty-confiscation']);
    for (const d of docs) {
      const html = (await s.api.get(`/api/documents/${d.id}`)).body as string;
      expect(documentProblems(html, { usernames }), `${d.kind}:\n${visibleText(html)}`).to.deep.equal([]);
    }
  });

  /**
   * What the steps this case does not walk record, as the process records them: the collective
   * discussion (集体讨论记录, i12-decision) and, the fine unpaid, the 催告 and the court application
   * (i12-payment); with them every penalty template renders from a full case under strict mode.
   */
  const LATER_STEPS: Record<string, unknown> = {
    collectiveDiscussionDate: '2026-03-10',
    collectiveRecord: {
      members: ['王局长', '赵副局长', '钱副局长'], chair: '王局长', quorum: 3, groupSize: 4,
      opinions: [{ name: '王局长', opinion: '同意' }, { name: '赵副局长', opinion: '同意' }, { name: '钱副局长', opinion: '同意' }],
    },
    collectiveConclusion: '同意按裁量基准从轻档处罚',
    paymentLastDay: '2026-03-26',
    reminderNoticeDate: '2026-04-01', reminderPaymentWay: '到湘西农商银行缴纳或者通过非税收入电子缴款系统缴纳',
    reminderServedOn: '2026-04-02', reminderLastDay: '2026-04-16', reminderServiceMethod: '留置送达', reminderRecipient: '李四', penaltyReminderNo: '湘西环罚催〔2026〕1号',
    remedyLastDay: '2026-09-11', courtApplicationLastDay: '2026-12-11', court: '吉首市人民法院',
    // A public hearing (i12-notice): requested, noticed, held and reported.
    hearingRequestedOn: '2026-03-04', hearingNoticeDate: '2026-03-05', hearingDate: '2026-03-16', hearingPlace: '局三楼听证室',
    hearingHost: 'legal1', hearingClerk: 'manager1', publicHearing: true, hearingHeldOn: '2026-03-16', partyAttended: true,
    hearingRecord: '当事人对监测数据提出异议，调查人员出示采样记录', hearingReport: '事实清楚，建议维持拟处罚意见',
    // A statement received and reviewed (复核).
    statementReceivedOn: '2026-03-05', statementWay: '书面', statementContent: '已整改，请求从轻处罚', statementReviewDate: '2026-03-06',
    statementReviewResult: '部分采纳', statementReviewReason: '已整改属实，按从轻档处罚',
  };

  it('renders every penalty template from the case variables without a problem, naming officers by name and certificate number', async () => {
    const variables = { ...LATER_STEPS, ...((await view(s, caseId)).variables as Record<string, unknown>) };
    const templates = new DocumentTemplates(DOCUMENTS, s.clock);
    const people = await templates.people(s.zhifa.db, variables);
    expect(PENALTY_KINDS.length, 'every penalty template is a kind in documents/kinds.json').to.equal(Object.keys(templates.kinds.kinds).filter((k) => k.startsWith('penalty-')).length);
    for (const kind of PENALTY_KINDS) {
      const html = templates.render(kind, variables, { number: '湘西环罚〔2026〕99号', day: '2026-03-11', people });
      expect(documentProblems(html, { usernames }), `${kind}:\n${visibleText(html)}`).to.deep.equal([]);
    }
  });

  it('处罚法 art. 59: the decision names the party with address and legal representative, the officers with certificate numbers, the amount once in words and figures, where and how to pay, the 复议 body and the court with their time limits', async () => {
    const docs = (await s.api.get(`/api/instances/${caseId}/documents`)).body as Array<{ id: number; kind: string }>;
    const text = visibleText((await s.api.get(`/api/documents/${docs.find((d) => d.kind === 'penalty-decision')!.id}`)).body as string);
    const officers = (await s.zhifa.db('users').whereIn('username', ['officer1', 'officer2']).orderBy('username').select('display_name', 'certificate_no')) as Array<{ display_name: string; certificate_no: string }>;
    expect(text).to.contain('当事人：湘西某化工有限公司（法人及非法人组织），统一社会信用代码：91433100MA4L12345F，法定代表人：李四，地址：湖南省吉首市经济开发区1号');
    expect(text).to.contain(`执法人员：${officers.map((o) => `${o.display_name}（执法证号：${o.certificate_no}）`).join('、')}`);
    expect(text).to.contain('罚款：人民币伍万元整（¥50,000.00）。');
    expect(text.match(/50,000\.00/g), 'the amount in figures once').to.have.length(1);
    expect(text).to.contain('户名：湘西土家族苗族自治州财政局非税收入汇缴结算户，开户行：中国农业银行吉首市分行，账号：18530101040001234');
    expect(text).to.contain('可以在收到本决定书之日起六十日内向湘西土家族苗族自治州人民政府申请行政复议，或者在六个月内依法向吉首市人民法院提起行政诉讼');
    expect(text).to.contain('证据：1. 现场检查笔录（勘验笔录、现场笔录）；2. 监测报告（鉴定意见）。');
  });

  it('处罚法 arts. 44, 45, 62: the decision states when the notice was served, the rights it gave and that the party made no statement in the period', async () => {
    const docs = (await s.api.get(`/api/instances/${caseId}/documents`)).body as Array<{ id: number; kind: string; number: string | null }>;
    const text = visibleText((await s.api.get(`/api/documents/${docs.find((d) => d.kind === 'penalty-decision')!.id}`)).body as string).replace(/\s+/g, '');
    const noticeNo = docs.find((d) => d.kind === 'penalty-notice')!.number;
    expect(text).to.contain(`二、告知及陈述、申辩、听证情况本机关于2026年3月3日作出《行政处罚事先（听证）告知书》（${noticeNo}），告知你（单位）拟作出行政处罚的事实、理由、依据和内容，以及依法享有的陈述、申辩的权利；该告知书于2026年3月3日送达。你（单位）在规定期限内未提出陈述、申辩。三、证据采信理由`);
  });

  it('民诉法 arts. 87–95 (处罚法 art. 61): a 送达回证 records each service — the document and its number, the party and address, the way, who signed and when, and the officers who served', async () => {
    const docs = (await s.api.get(`/api/instances/${caseId}/documents`)).body as Array<{ id: number; kind: string; number: string | null }>;
    const read = async (kind: string) => visibleText((await s.api.get(`/api/documents/${docs.find((d) => d.kind === kind)!.id}`)).body as string).replace(/\s+/g, '');
    const officers = (await s.zhifa.db('users').whereIn('username', ['officer1', 'officer2']).orderBy('username').select('display_name', 'certificate_no')) as Array<{ display_name: string; certificate_no: string }>;
    const names = officers.map((o) => `${o.display_name}（执法证号：${o.certificate_no}）`).join('、');
    const decisionNo = docs.find((d) => d.kind === 'penalty-decision')!.number;
    const decisionReceipt = await read('penalty-decision-receipt');
    expect(decisionReceipt).to.contain('送达回证').and.contain(`送达文书行政处罚决定书（${decisionNo}）`).and.contain('受送达人湘西某化工有限公司')
      .and.contain('送达地址湖南省吉首市经济开发区1号').and.contain('送达方式直接送达').and.contain('签收人李四').and.contain('送达日期2026年3月11日').and.contain(`送达人${names}`);
    const noticeReceipt = await read('penalty-notice-receipt');
    expect(noticeReceipt).to.contain(`送达文书行政处罚事先（听证）告知书（${docs.find((d) => d.kind === 'penalty-notice')!.number}）`).and.contain('送达日期2026年3月3日').and.contain(`送达人${names}`);
    for (const text of [decisionReceipt, noticeReceipt]) expect(text).to.not.match(/officer\d|undefined|。。/);
  });

  it('a template that reads a variable the case lacks is refused (422) when issued, never printed blank', async () => {
    const { facts: _, ...withoutFacts } = (await view(s, caseId)).variables as Record<string, unknown>;
    const templates = new DocumentTemplates(DOCUMENTS, s.clock);
    let refusal: unknown;
    try {
      templates.render('penalty-notice', withoutFacts, { number: null, day: '2026-03-12', people: {} });
    } catch (err) {
      refusal = err;
    }
    expect(refusal).to.include({ code: 'unprocessable', message: '文书「行政处罚事先（听证）告知书」需要的「facts」尚未填写，不能出具：请先在相应办理环节填写（documents/penalty-notice.hbs）' });
  });
});
