import { expect } from 'chai';
import { bpmn } from '../helpers/bpmn.ts';
import { startForDepartmentOf } from '../helpers/fixtures.ts';
import { startProcessServer, type TestServer } from '../helpers/server.ts';
import { webLogin } from '../helpers/web.ts';

/** A penalty decision of 2 March handed to the publication procedure (as the dashboard test starts it). */
const decision = {
  publicationKind: 'penalty', party: '湘西某化工有限公司', partyType: '法人及非法人组织', creditCode: '91433100MA4L12345F', legalRepresentative: '李四',
  penaltyDecisionNo: '湘西环罚〔2026〕12号', violationType: '超标排放大气污染物', facts: '废气排放口二氧化硫浓度超标。', legalBasis: '《中华人民共和国大气污染防治法》第九十九条',
  decidedPenaltyKinds: ['fine'], penaltyContent: '罚款人民币三十万元', decidedFineAmount: 300000, decisionDate: '2026-03-02',
};

const overdueItems = (html: string) => {
  const table = /data-testid="overdue"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
  return [...table.matchAll(/<tr><td>([\s\S]*?)<\/tr>/g)].map((m) => [...`<td>${m[1]}`.matchAll(/<td>([\s\S]*?)<\/td>/g)].slice(0, 2).map((c) => c[1]!.replace(/<[^>]+>/g, '').trim()).join(' '));
};

/**
 * rules/clocks.json: every clock has a Chinese label, and only statutory clocks are reported and
 * escalated as overdue. The publication reminder clock (1 working day before the 7 working days of
 * 国办发〔2018〕118号) is a prompt, not a limit: its passing is nobody's delay.
 */
describe('Feature: clocks are named in Chinese, and only statutory ones are overdue (rules/clocks.json)', () => {
  let s: TestServer;
  let caseId: string;
  const outbox = () => s.zhifa.db('outbox').where({ case_id: caseId }).orderBy('id') as Promise<Array<{ idempotency_key: string; payload: string }>>;

  before(async () => {
    s = await startProcessServer('clock-labels');
    await s.api.post('/api/dev/clock', { set: '2026-03-02T02:00:00Z' });
    caseId = await startForDepartmentOf(s, 'officer1', 'publication', decision);
  });
  after(() => s.close());

  it('the reminder clock past due (10 March) before the 7 working days run out (11 March) is neither listed as 法定期限 nor escalated', async () => {
    // Wednesday 11 March, 10:00 Shanghai: the reminder clock ended at 24:00 on 10 March, the publication limit ends tonight.
    await s.api.post('/api/dev/clock', { set: '2026-03-11T02:00:00Z' });
    const clocks = (await s.api.get(`/api/instances/${caseId}`)).body.clocks as Array<{ name: string; status: string; dueAt: string }>;
    expect(clocks.find((c) => c.name === 'publicationReminder')).to.include({ status: 'running', dueAt: '2026-03-10T16:00:00.000Z' });
    const manager1 = await webLogin(s.base, 'manager1', 'demo');
    const page = (await manager1.get('/dashboard')).text;
    expect(overdueItems(page), 'nothing is overdue yet').to.deep.equal([]);
    expect(page).not.to.include('publicationReminder');

    // Thursday 12 March: one working day after the reminder clock, when an escalation of a limit would go out; the real limit has now run out.
    await s.api.post('/api/dev/clock', { set: '2026-03-12T02:00:00Z' });
    const sent = await outbox();
    expect(sent.filter((r) => r.idempotency_key.startsWith('reminder:clock:')), 'no reminder or escalation of a clock followed by a task, and none of the reminder clock').to.deep.equal([]);
    expect(sent.map((r) => r.payload).join(), 'no message names the reminder clock').not.to.include('publicationReminder').and.not.to.include('公示期限届满前提醒');
    const after = (await manager1.get('/dashboard')).text;
    expect(overdueItems(after)).to.have.members(['任务 公示信息审核', '法定期限 公示期限', '任务 公示期限提醒']);
    expect(after).not.to.include('publicationReminder').and.not.to.include('公示期限届满前提醒');
  });

  it('the daily digest names the overdue statutory clock in Chinese, and not the reminder clock', async () => {
    await s.zhifa.notifications.digest();
    const digests = (await s.zhifa.db('outbox').where('idempotency_key', 'like', 'digest:2026-03-12:manager1:%').select('payload')) as Array<{ payload: string }>;
    expect(digests.map((d) => JSON.parse(d.payload).text), 'the inbox digest (an e-mail, where configured, carries the same text)').to.have.length(1);
    for (const d of digests) {
      const { text } = JSON.parse(d.payload) as { text: string };
      expect(text).to.include('法定期限 公示期限').and.not.to.include('publicationReminder').and.not.to.include('公示期限届满前提醒');
    }
  });

  it('the case page names each clock in Chinese and marks the reminder clock as no statutory limit', async () => {
    const officer1 = await webLogin(s.base, 'officer1', 'demo');
    const table = /data-testid="clocks"[\s\S]*?<\/table>/.exec((await officer1.get(`/cases/${caseId}`)).text)?.[0] ?? '';
    expect(table).to.include('<td>公示期限</td>').and.to.include('公示期限届满前提醒 <span class="hint">（提醒，非法定期限）</span>');
    expect(table).not.to.include('publicationReminder');
  });

  it('refuses at deployment a diagram naming a clock rules/clocks.json does not list, naming the clock and the element', async () => {
    const xml = bpmn('unlisted-clock', `<startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="startIt"/>
      <serviceTask id="startIt" name="起算" camunda:expression="\${services.startClock('inspectionLimit', 'P3WD')}"/><sequenceFlow id="f2" sourceRef="startIt" targetRef="end"/><endEvent id="end"/>`);
    const res = await s.api.post('/api/definitions', xml, 'application/xml');
    expect(res.status, JSON.stringify(res.body)).to.equal(422);
    expect(res.body.problems).to.deep.include({ message: '期限「inspectionLimit」未在期限目录 rules/clocks.json 中登记：请先登记其中文名称、是否法定期限（statutory）和依据，或改用已登记的期限名称', elementId: 'startIt' });
    expect(await s.zhifa.db('definitions').where({ key: 'unlisted-clock' })).to.deep.equal([]);
  });
});
