import { expect } from 'chai';
import { startForDepartmentOf, startInstance } from '../helpers/fixtures.ts';
import { ApiClient, startProcessServer, type TestServer } from '../helpers/server.ts';
import { webLogin, type WebSession } from '../helpers/web.ts';

/** A penalty decision handed to the publication procedure (started directly, as its feature test does). */
const publication = (party: string) => ({
  publicationKind: 'penalty', party, partyType: '法人及非法人组织', creditCode: '91433100MA4L12345F', legalRepresentative: '李四',
  penaltyDecisionNo: '湘西环罚〔2026〕12号', violationType: '超标排放大气污染物', facts: '废气排放口二氧化硫浓度超标。', legalBasis: '《中华人民共和国大气污染防治法》第九十九条',
  decidedPenaltyKinds: ['fine'], penaltyContent: '罚款人民币三十万元', decidedFineAmount: 300000, decisionDate: '2026-03-02',
});

const section = (html: string, testid: string) => new RegExp(`data-testid="${testid}"[\\s\\S]*?</table>`).exec(html)?.[0] ?? '';
const cells = (row: string) => [...row.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').trim());
/** The figures of one row of a dashboard table: name, open cases, open tasks, tasks due this week, clocks due this week, overdue, paused. */
const row = (html: string, testid: string, key: string) => {
  const tr = new RegExp(`<tr data-row="${key}">([\\s\\S]*?)</tr>`).exec(section(html, testid))?.[1];
  return tr ? cells(tr) : undefined;
};

describe('Web: the managers\' dashboard (/dashboard)', () => {
  let s: TestServer;
  let manager1: WebSession;
  let admin: WebSession;
  let cases: { a: string; b: string; c: string };

  before(async () => {
    s = await startProcessServer('web-dashboard');
    await s.zhifa.accounts.create({ username: 'officer9', password: 'demo', displayName: '孙执法', department: '综合科', groups: [{ id: 'officers', name: '承办人员' }], roles: ['staff'], certificate: { no: '43000000009', validUntil: new Date('2030-12-31T16:00:00Z') } });
    await s.zhifa.accounts.create({ username: 'manager0', password: 'demo', displayName: '无部门', groups: [{ id: 'managers', name: '管理人员' }], roles: ['manager'] });
    const officer1 = await ApiClient.login(s.base, 'officer1', 'demo');
    const start = async (who: ApiClient, processKey: string, variables: Record<string, unknown>) => {
      const res = await who.post('/api/instances', { processKey, variables });
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
      return res.body.id as string;
    };
    await s.api.post('/api/dev/clock', { set: '2026-03-02T02:00:00Z' });
    cases = {
      a: await startForDepartmentOf(s, 'officer1', 'publication', publication('湘西某化工有限公司')),
      b: await startForDepartmentOf(s, 'officer9', 'publication', publication('综合科某建材厂')),
      c: await start(officer1, 'penalty', { party: '吉首某砂场', partyType: '法人及非法人组织', lead: '群众举报夜间偷排', leadDiscoveredOn: '2026-03-02', partyAddress: '湖南省吉首市经济开发区1号', legalRepresentative: '李四' }),
    };
    // A case opened by the administrator belongs to no department.
    await startInstance(s, 'penalty', { party: '管理员录入某厂', partyType: '法人及非法人组织', lead: '上级交办', leadDiscoveredOn: '2026-03-02', partyAddress: '湖南省吉首市经济开发区1号', legalRepresentative: '李四' });
    expect((await s.api.post(`/api/instances/${cases.c}/clocks/filing/pause`, { reason: '等待鉴定' })).status).to.equal(200);
    // Monday 16 March, 10:00 Shanghai: both publications are past their 7 working days (11 March), reminded and escalated.
    await s.api.post('/api/dev/clock', { set: '2026-03-16T02:00:00Z' });
    [manager1, admin] = await Promise.all([webLogin(s.base, 'manager1', 'demo'), webLogin(s.base, 'admin', 'admin')]);
  });
  after(() => s.close());

  it('refuses staff with a 403 page and sends a signed-out visitor to sign in', async () => {
    const officer = await webLogin(s.base, 'officer1', 'demo');
    const res = await officer.get('/dashboard');
    expect(res.status).to.equal(403);
    expect(res.text).to.include('无权访问').and.not.to.include('湘西某化工');
    const anonymous = await fetch(`${s.base}/dashboard`, { redirect: 'manual' });
    expect(anonymous.status).to.equal(303);
    expect(anonymous.headers.get('location')).to.equal('/login?next=%2Fdashboard');
  });

  it('shows a manager the open cases and deadlines of their own department only, by department and by procedure, with charts', async () => {
    const res = await manager1.get('/dashboard');
    expect(res.status).to.equal(200);
    expect(res.text).to.include('本周截至 2026-03-22 24:00').and.to.include('本周剩余 5 个工作日');
    // 执法支队: publication A (review and reminder overdue with its statutory clock — the reminder clock is no limit
    // and is not counted, rules/clocks.json —, the escalation due on the 19th) and
    // penalty C (its filing clock paused, so the filing approval that follows it has no due time).
    expect(row(res.text, 'by-department', '执法支队')).to.deep.equal(['执法支队', '2', '4', '1', '0', '3', '1']);
    expect(row(res.text, 'by-department', '综合科'), 'another department is not shown').to.equal(undefined);
    expect(row(res.text, 'by-process', 'publication')).to.deep.equal(['行政执法决定公示', '1', '3', '1', '0', '3', '0']);
    expect(row(res.text, 'by-process', 'penalty')).to.deep.equal(['行政处罚（一般程序）', '1', '1', '0', '0', '0', '1']);
    expect(res.text).not.to.include('综合科某建材厂').and.not.to.include(cases.b).and.not.to.include('管理员录入某厂');
    const charts = [...res.text.matchAll(/<svg [\s\S]*?<\/svg>/g)].map((m) => m[0]);
    expect(charts).to.have.length(2);
    expect(charts[0]).to.include('>执法支队</text>').and.not.to.include('综合科');
    expect(charts[0]).to.include('data-series="已逾期" data-value="3"').and.to.include('data-series="已暂停" data-value="1"');
  });

  it('lists the overdue items of the department with links to their cases, which the manager may open', async () => {
    const res = await manager1.get('/dashboard');
    const overdue = section(res.text, 'overdue');
    const items = [...overdue.matchAll(/<tr><td>([\s\S]*?)<\/tr>/g)].map((m) => cells(`<td>${m[1]}`).slice(0, 2).join(' '));
    // The reminder clock (ended 10 March) is a prompt, no statutory limit: it is not listed (rules/clocks.json).
    expect(items).to.have.members(['任务 公示信息审核', '法定期限 公示期限', '任务 公示期限提醒']);
    expect(overdue).to.include(`href="/cases/${cases.a}"`).and.to.include('已逾期 3 个工作日');
    expect((await manager1.get(`/cases/${cases.a}`)).status).to.equal(200);
  });

  it('lists the reminders and escalations offered to the manager\'s groups, clearly titled', async () => {
    const res = await manager1.get('/dashboard');
    expect(res.text).to.include('发给我的督办与提醒');
    const list = section(res.text, 'escalations');
    expect([...list.matchAll(/<a href="\/tasks\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]), 'the reminder to managers; the escalation goes to the heads').to.deep.equal(['公示期限提醒']);
    expect(list).to.include('湘西某化工有限公司').and.not.to.include('综合科某建材厂');
  });

  it('shows an administrator every department, cases without one included, and every reminder and escalation', async () => {
    const res = await admin.get('/dashboard');
    expect(res.status).to.equal(200);
    expect(res.text).to.include('全部部门');
    expect(row(res.text, 'by-department', '执法支队')!.slice(1)).to.deep.equal(['2', '4', '1', '0', '3', '1']);
    expect(row(res.text, 'by-department', '综合科')!.slice(1)).to.deep.equal(['1', '3', '1', '0', '3', '0']);
    // The administrator's penalty: filing approval and its clock both due on 17 March.
    expect(row(res.text, 'by-department', '（未设部门）')!.slice(1)).to.deep.equal(['1', '1', '1', '1', '0', '0']);
    const list = section(res.text, 'escalations');
    expect([...list.matchAll(/<a href="\/tasks\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]).sort()).to.deep.equal(['公示期限提醒', '公示期限提醒', '公示逾期督办', '公示逾期督办']);
  });

  it('tells a manager without a department that there is nothing to show, and shows nothing', async () => {
    const res = await (await webLogin(s.base, 'manager0', 'demo')).get('/dashboard');
    expect(res.status).to.equal(200);
    expect(res.text).to.include('未设所属部门');
    expect(res.text).not.to.include('湘西某化工').and.not.to.include('管理员录入某厂');
    expect(res.text).to.include('data-testid="total-open-cases"><a href="/dashboard/cases?metric=openCases">0</a><');
  });

  it('lists the escalation and due-time notices sent to the manager, not the early reminders and not those of others', async () => {
    const send = (key: string, template: string, level: string, username: string, label: string) =>
      s.zhifa.notifications.notifier.notify({ key, template, level, caseId: cases.c, recipients: [{ username, displayName: username, email: null }], link: `/cases/${cases.c}`, context: { case: { label, processName: '行政处罚' }, step: { name: '立案审批' }, daysLeft: -1, dayWord: '日', workingDaysLeft: -1, overdueDays: 1, dueAtMs: Date.parse('2026-03-17T16:00:00Z') } });
    await send('notice-test:1', 'escalation', 'missed', 'manager1', '督办甲');
    await send('notice-test:2', 'reminder', 'near', 'manager1', '提醒乙');
    await send('notice-test:3', 'escalation', 'missed', 'head1', '他人丙');
    await s.zhifa.notifications.dispatch();
    const page = await manager1.get('/dashboard');
    const notices = /<ul data-testid="escalation-notices">[\s\S]*?<\/ul>/.exec(page.text)?.[0] ?? '';
    expect(notices).to.include('逾期督办').and.to.include('督办甲');
    expect(notices).not.to.include('提醒乙');
    expect(notices).not.to.include('他人丙');
  });
});
