import path from 'node:path';
import { expect } from 'chai';
import { readDecisionDocuments } from '../../../src/domain/publication/decision-documents.ts';
import { findPublishedDecision } from '../../../src/domain/publication/published-decision.ts';
import { insertDocument } from '../../../src/store/documents.ts';
import { completeTask, startInstance, view } from '../../helpers/fixtures.ts';
import { uploadRecording } from '../../helpers/evidence.ts';
import { ApiClient, ROOT, type TestServer, startProcessServer } from '../../helpers/server.ts';
import { seizureReviewPassed } from '../../helpers/coercion-case.ts';

type View = Awaited<ReturnType<typeof view>>;
type Published = { kind: string; decisionNo: string; fields: Record<string, unknown> };

/**
 * A publication (processes/publication.bpmn) carries the number and the date of the decision it
 * publishes, found in the case's issued documents (documents/kinds.json, `publishes`) when the
 * case variables do not give them.
 */
describe('Feature: a publication carries its decision number and date', () => {
  let s: TestServer;
  let officer: ApiClient;
  let head: ApiClient;
  before(async () => {
    s = await startProcessServer('publication-decision');
    officer = await ApiClient.login(s.base, 'officer1', 'demo');
    head = await ApiClient.login(s.base, 'head1', 'demo');
  });
  after(() => s.close());

  const setClock = async (iso: string) => (await s.api.post('/api/dev/clock', { set: iso })).body;
  const complete = (who: ApiClient, id: string, elementId: string, variables: Record<string, unknown>) => completeTask(s, who, id, elementId, variables);
  const reviewOk = { publicationExcluded: false, fieldsConfirmed: true, redactionChecked: true };
  const publications = async (caseId: string) => (await s.api.get(`/api/instances/${caseId}/publications`)).body as Published[];
  /** The running 公示 child of a case publishing `title`. */
  const publishing = async (v: View, title: string): Promise<string> => {
    for (const c of v.children.filter((c: { processKey: string; status: string }) => c.processKey === 'publication' && c.status === 'running')) {
      if ((await view(s, c.id)).variables.decisionTitle === title) return c.id;
    }
    throw new Error(`no running publication of ${title}`);
  };

  it('Given a seizure decided on 2 March and released at expiry on 2 April, when each is published days later, then each item carries the number and date of its own document', async () => {
    await setClock('2026-03-02T01:00:00Z');
    const id = await startInstance(s, 'coercion', { party: '泸溪县某冶炼厂', emergency: false });
    await seizureReviewPassed(s, id);
    await complete(head, id, 'priorApproval', { approved: true, approvalOpinion: '同意实施' });
    await uploadRecording(s, officer, id, 'onSite');
    await complete(officer, id, 'onSite', {
      officers: ['officer1', 'officer2'], certificatesShown: true, measure: '扣押', party: '某化工有限公司', seizureObjects: '暗管排污用水泵 2 台', seizureItems: [{ name: '暗管排污用水泵', quantity: '2 台', condition: '外观完好' }],
      seizureReason: '通过暗管逃避监管排放污染物', legalBasis: '《中华人民共和国环境保护法》第二十五条', partyNotified: true, partyPresent: true,
      reasonsAndRightsStated: true, statementHeard: '无', recordNo: '现场笔录〔2026〕7号', recordSignature: '当事人和执法人员签名或盖章',
      inventoryNo: '清单〔2026〕3号', documentsHandedOver: true, testingNeeded: false,
    });
    const seizurePub = await publishing(await view(s, id), '查封、扣押决定书');
    expect((await view(s, seizurePub)).variables).to.include({ publicationDecisionNo: '湘西环封扣〔2026〕1号', publicationDecisionDate: '2026-03-02' });
    await setClock('2026-03-20T02:00:00Z');
    await complete(officer, seizurePub, 'review', reviewOk);

    await setClock('2026-04-01T16:00:00Z'); // the seizure period ends: released at expiry
    await setClock('2026-04-02T02:00:00Z');
    await complete(officer, id, 'expiryRelease', { releaseReason: '查封、扣押期限届满', itemsReturned: '水泵 2 台已当场退还', returnedOn: '2026-04-02', returnedBy: ['officer1', 'officer2'], returnSignature: '当事人签收' });
    const releasePub = await publishing(await view(s, id), '解除查封、扣押决定书');
    await setClock('2026-04-08T02:00:00Z');
    await complete(officer, releasePub, 'review', reviewOk);

    const items = await publications(id);
    const seizure = items.find((p) => p.fields['决定类别'] === '查封、扣押')!;
    const release = items.find((p) => p.fields['决定类别'] === '解除查封、扣押')!;
    expect(seizure.decisionNo).to.equal('湘西环封扣〔2026〕1号');
    expect(seizure.fields).to.include({ 决定文书名称: '查封、扣押决定书', 决定文书号: '湘西环封扣〔2026〕1号', 决定日期: '2026-03-02' });
    expect(release.decisionNo).to.equal('湘西环封扣解〔2026〕1号');
    expect(release.fields).to.include({ 决定文书名称: '解除查封、扣押决定书', 决定文书号: '湘西环封扣解〔2026〕1号', 决定日期: '2026-04-02' });
  });

  it('Given a permit granted on Friday 20 March, when it is published on 24 March, then the item carries 行政许可决定文书号 and 许可决定日期 of the issued decision', async () => {
    await setClock('2026-03-02T02:00:00Z');
    const id = await startInstance(s, 'permit', { applicant: '湘西某化工有限公司', partyType: '法人及非法人组织', matter: '排污许可证核发', materialsReceivedOn: '2026-03-02' }, 'XK-PUB-1');
    await complete(officer, id, 'completenessCheck', { acceptanceDecision: 'accept', checkOpinion: '材料齐全' });
    await complete(officer, id, 'substantiveReview', { reviewOpinion: '符合法定条件', siteCheckNeeded: false, hearingNeeded: false });
    await setClock('2026-03-20T02:00:00Z');
    await complete(head, id, 'decide', {
      decision: 'grant', decisionReasons: '申请材料齐全，符合法定条件', permitScope: '排放化学需氧量、氨氮', permitCategory: '普通',
      licenceName: '排污许可证', licenceNumber: '91433100MA4L12345F001P', validFrom: '2026-03-20', validUntil: '2031-03-19',
    });
    const pub = (await view(s, id)).children.find((c: { processKey: string }) => c.processKey === 'publication');
    await setClock('2026-03-24T02:00:00Z');
    await complete(officer, pub.id, 'review', reviewOk);

    const [item] = await publications(id);
    expect(item!.decisionNo).to.equal('湘西环许〔2026〕1号');
    expect(item!.fields).to.include({ 行政许可决定文书名称: '行政许可决定书', 行政许可决定文书号: '湘西环许〔2026〕1号', 许可决定日期: '2026-03-20', 有效期自: '2026-03-20' });
  });

  it('finds the decision in this order: the document\'s own variable, the document the case points to, else its latest of that kind, else decisionNo; the stated decisionDate, else the day of issue', async () => {
    const table = readDecisionDocuments(path.join(ROOT, 'documents'));
    await setClock('2026-05-06T02:00:00Z');
    const caseId = await startInstance(s, 'permit', { applicant: '某公司', partyType: '法人及非法人组织', matter: '排污许可证核发', materialsReceivedOn: '2026-05-06' }, 'XK-LOOKUP');
    const now = new Date('2026-05-06T02:00:00Z');
    const doc = (kind: string, number: string, at: string) =>
      insertDocument(s.zhifa.db, { case_id: caseId, instance_id: caseId, kind, number, title: kind, html: '<p></p>', created_at: Date.parse(at), created_by: 'head1' });
    const first = await doc('seizure-release', '湘西环封扣解〔2026〕7号', '2026-04-02T02:00:00Z');
    await doc('seizure-release', '湘西环封扣解〔2026〕8号', '2026-04-03T02:00:00Z');
    const find = (vars: Record<string, unknown>) => findPublishedDecision(s.zhifa.db, caseId, 'other', { decisionKind: '解除查封、扣押', ...vars }, table, now);

    expect(await find({}), 'the latest of the kind').to.deep.include({ number: '湘西环封扣解〔2026〕8号', date: '2026-04-03' });
    expect(await find({ seizureReleaseDocumentId: first }), 'the one the case points to').to.deep.equal({ number: '湘西环封扣解〔2026〕7号', date: '2026-04-02', documentId: first });
    expect(await find({ seizureReleaseNo: '湘西环封扣解〔2026〕9号', decisionNo: '湘西环罚〔2026〕1号' }), 'the document\'s variable before the generic decisionNo').to.include({ number: '湘西环封扣解〔2026〕9号' });
    expect(await find({ decisionDate: '2026-04-01' }), 'the date staff stated').to.include({ date: '2026-04-01' });
    expect(await findPublishedDecision(s.zhifa.db, caseId, 'other', { decisionKind: '没收', decisionNo: '湘西环罚〔2026〕9号' }, table, now), 'no document kind publishes a confiscation')
      .to.deep.equal({ number: '湘西环罚〔2026〕9号', date: '2026-05-06', documentId: null });
    expect(await findPublishedDecision(s.zhifa.db, caseId, 'penalty', {}, table, now), 'nothing to find').to.deep.equal({ number: null, date: '2026-05-06', documentId: null });
    await find({ decisionDate: '2026-02-30' }).then(
      () => expect.fail('an unreadable date'),
      (err: Error) => expect(err.message).to.match(/决定日期（decisionDate）「2026-02-30」无法识别/),
    );
  });
});
