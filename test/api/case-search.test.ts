import { expect } from 'chai';
import { completeTask, view } from '../helpers/fixtures.ts';
import { filing, lead } from '../helpers/penalty-case.ts';
import { ApiClient, startProcessServer, type TestServer } from '../helpers/server.ts';

const COMPANY = { partyType: '法人及非法人组织', name: '湘西某化工有限公司', creditCode: '91433100MA4L12345F', legalRepresentative: '李四', address: '湖南省吉首市经济开发区1号', contact: '0743-8000000' };

/**
 * Cases are found: one query (src/store/case-search.ts) behind GET /api/instances, GET /api/tasks
 * and the 案件 page, with the access rule inside it; the party register behind /api/parties.
 * Runs on SQLite and, with DATABASE_URL, on PostgreSQL.
 */
describe('API: case numbers, the party register and the case search', () => {
  let s: TestServer;
  let officer1: ApiClient;
  let officer2: ApiClient;
  let head: ApiClient;
  let manager: ApiClient;
  let outsider: ApiClient;
  let partyId: number;
  let filed: string;
  let unfiled: string;
  const list = async (who: ApiClient, query: string) => {
    const res = await who.get(`/api/instances?${query}`);
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    return res.body as { total: number; items: Array<{ id: string; caseNo: string | null; party: string; processName: string; steps: Array<{ name: string; holder: string; lastDay: string | null }>; nextDue: { name: string; lastDay: string } | null }> };
  };
  const ids = async (who: ApiClient, query: string) => (await list(who, query)).items.map((i) => i.id);

  before(async () => {
    s = await startProcessServer('api-case-search');
    [officer1, officer2, head, manager] = await Promise.all(['officer1', 'officer2', 'head1', 'manager1'].map((u) => ApiClient.login(s.base, u, 'demo')));
    await s.zhifa.accounts.create({ username: 'outsider', password: 'pw', department: '其他执法大队', roles: ['staff'], groups: [{ id: 'officers', name: '承办人员' }] });
    outsider = await ApiClient.login(s.base, 'outsider', 'pw');
    const registered = await officer1.post('/api/parties', COMPANY);
    expect(registered.status, JSON.stringify(registered.body)).to.equal(201);
    partyId = registered.body.id;
    const started = await officer1.post('/api/instances', { processKey: 'penalty', partyId, variables: { lead: '群众举报夜间偷排废水', leadDiscoveredOn: '2026-03-01' } });
    expect(started.status, JSON.stringify(started.body)).to.equal(201);
    filed = started.body.id;
    await completeTask(s, head, filed, 'filingApproval', filing('2026-02-20', { filingDate: '2026-03-02' }));
    const other = await officer2.post('/api/instances', { processKey: 'penalty', variables: lead('2026-03-01', { party: '吉首某砂石场', creditCode: '', legalRepresentative: '王五' }) });
    unfiled = other.body.id;
  });
  after(() => s.close());

  it('numbers a case when it is filed, in the pattern of rules/case-numbers.json; a case not yet filed has none', async () => {
    expect((await view(s, filed)).variables.caseNo).to.equal('湘西环罚立〔2026〕1号');
    expect((await view(s, unfiled)).variables.caseNo).to.equal(undefined);
    const second = (await officer1.post('/api/instances', { processKey: 'penalty', variables: lead('2026-03-01', { party: '另一公司', creditCode: '' }) })).body.id;
    await completeTask(s, head, second, 'filingApproval', filing('2026-02-20'));
    expect((await view(s, second)).variables.caseNo).to.equal('湘西环罚立〔2026〕2号');
  });

  it('starts a case with a registered party: the start form\'s party fields come from the register', async () => {
    const v = (await view(s, filed)).variables;
    expect(v).to.deep.include({ party: COMPANY.name, partyType: COMPANY.partyType, creditCode: COMPANY.creditCode, legalRepresentative: '李四', partyAddress: COMPANY.address });
    const unknown = await officer1.post('/api/instances', { processKey: 'penalty', partyId: 99999, variables: { lead: 'x', leadDiscoveredOn: '2026-03-01' } });
    expect(unknown.status).to.equal(404);
    expect(unknown.body.detail).to.include('未登记');
  });

  it('registers a party once: numbers checked by their check digits (422), a second entry for one number refused (409); found by name or number', async () => {
    const bad = await officer1.post('/api/parties', { ...COMPANY, creditCode: '91433100MA4L12345X' });
    expect(bad.status).to.equal(422);
    expect(bad.body.errors).to.deep.equal([{ field: 'creditCode', message: '统一社会信用代码校验位不符，请核对是否录入有误' }]);
    const person = await officer1.post('/api/parties', { partyType: '自然人', name: '王某', idNumber: '110105194912310021' });
    expect(person.status).to.equal(422);
    expect(person.body.detail).to.include('居民身份证号码校验码不符');
    const again = await officer2.post('/api/parties', { ...COMPANY, name: '同号另名' });
    expect(again.status).to.equal(409);
    expect((await officer2.get('/api/parties?q=化工')).body.map((p: { id: number }) => p.id)).to.deep.equal([partyId]);
    expect((await officer2.get('/api/parties?q=91433100ma4l')).body.map((p: { id: number }) => p.id)).to.deep.equal([partyId]);
    // A start without partyId registers its party from the start form (a mistyped number is not registered).
    expect((await officer2.get('/api/parties?q=砂石场')).body).to.have.length(1);
    expect((await officer2.get('/api/parties')).status).to.equal(400);
  });

  it('finds a case by party name, by 统一社会信用代码, by 立案编号; each row with its step, holder and last day', async () => {
    expect(await ids(officer1, 'party=化工')).to.deep.equal([filed]);
    expect(await ids(officer1, `party=${COMPANY.creditCode}`)).to.deep.equal([filed]);
    expect(await ids(officer1, `caseNo=${encodeURIComponent('罚立〔2026〕1号')}`)).to.deep.equal([filed]);
    const row = (await list(officer1, 'party=化工')).items[0]!;
    expect(row).to.deep.include({ caseNo: '湘西环罚立〔2026〕1号', party: COMPANY.name, processName: '行政处罚（一般程序）' });
    expect(row.steps.map((t) => t.name)).to.include('调查取证');
    // 调查取证 has no limit of its own; the case's next limit is the running 办案期限: 90 days from filing
    // on 2 March end on Sunday 31 May and roll over to Monday 1 June (处罚法 art. 60, 办法 art. 59).
    expect(row.nextDue).to.deep.include({ name: '办案期限', lastDay: '2026-06-01' });
    const unfiledRow = (await list(officer1, 'party=砂石场')).items[0]!;
    // 15 days from the lead of 1 March (处罚法 art. 54, 生态环境行政处罚办法): the last day is 16 March.
    expect(unfiledRow.steps).to.have.length(1);
    expect(unfiledRow.steps[0]).to.deep.include({ name: '立案审批', holder: '待认领（负责人）', lastDay: '2026-03-16' });
    expect(unfiledRow.nextDue?.lastDay).to.equal('2026-03-16');
  });

  it('filters by procedure, status and date range, and pages with a total', async () => {
    expect((await list(officer1, 'procedure=penalty')).total).to.equal(3);
    expect((await list(officer1, 'procedure=permit')).total).to.equal(0);
    expect((await list(officer1, 'status=completed')).total).to.equal(0);
    expect((await list(officer1, 'from=2026-03-02&to=2026-03-02')).total).to.equal(3);
    expect((await list(officer1, 'to=2026-03-01')).total).to.equal(0);
    const first = await list(officer1, 'limit=2');
    const rest = await list(officer1, 'limit=2&offset=2');
    expect([first.total, first.items.length, rest.items.length]).to.deep.equal([3, 2, 1]);
    expect(await ids(officer1, 'page=2&pageSize=2')).to.deep.equal(rest.items.map((i) => i.id));
  });

  it('never lists a case the reader may not open; 我的案件 and 本部门案件', async () => {
    expect((await list(outsider, '')).total).to.equal(0);
    expect((await list(outsider, 'party=化工')).total).to.equal(0);
    expect((await outsider.get(`/api/parties/${partyId}`)).body.cases.total).to.equal(0);
    expect((await officer1.get(`/api/parties/${partyId}`)).body.cases.items.map((c: { id: string }) => c.id)).to.deep.equal([filed]);
    // The head (局领导, an agency-wide group) sees the cases offered to or handled by the heads.
    expect((await list(head, '')).total).to.equal(3);
    expect(await ids(officer2, 'scope=mine')).to.deep.equal([unfiled]);
    expect((await list(manager, 'scope=department')).total).to.equal(3);
    const other = await manager.get(`/api/instances?scope=department&department=${encodeURIComponent('局领导')}`);
    expect(other.status).to.equal(403);
    expect(other.body.detail).to.include('只能查看本部门');
    expect((await list(s.api, `scope=department&department=${encodeURIComponent('执法支队')}`)).total).to.equal(3);
  });

  it('refuses filter values it cannot read with a 400 in words', async () => {
    for (const [q, words] of [['status=done', '状态（status）应为'], ['from=2026-13-01', '应为日期'], ['limit=0', '1 到 200'], ['procedure=tax', '没有程序「tax」'], ['from=2026-03-05&to=2026-03-01', '早于起始日期']]) {
      const res = await officer1.get(`/api/instances?${q}`);
      expect(res.status, q).to.equal(400);
      expect(res.body.detail, q).to.include(words);
      expect((await officer1.get(`/api/tasks?${q}`)).status, q).to.equal(400);
    }
  });

  it('GET /api/tasks takes the same filters and pages, the total in X-Total-Count', async () => {
    const res = await fetch(`${s.base}/api/tasks?party=${encodeURIComponent('砂石场')}`, { headers: { authorization: `Bearer ${head.token}` } });
    expect(res.headers.get('x-total-count')).to.equal('1');
    const tasks = (await res.json()) as Array<{ elementId: string; caseId: string }>;
    expect(tasks.map((t) => [t.elementId, t.caseId])).to.deep.equal([['filingApproval', unfiled]]);
    const all = await fetch(`${s.base}/api/tasks?limit=1`, { headers: { authorization: `Bearer ${officer1.token}` } });
    expect(Number(all.headers.get('x-total-count'))).to.be.greaterThan(1);
    expect(await all.json()).to.have.length(1);
    const byNo = await officer1.get(`/api/tasks?caseNo=${encodeURIComponent('罚立〔2026〕1号')}`);
    expect(byNo.body.map((t: { caseNo: string }) => t.caseNo)).to.deep.equal(['湘西环罚立〔2026〕1号']);
  });
});
