import { expect } from 'chai';
import { completeTask, openTask, startForDepartmentOf, submitTask, view } from '../../helpers/fixtures.ts';
import { filing, lead } from '../../helpers/penalty-case.ts';
import { ApiClient, type TestServer, startProcessServer } from '../../helpers/server.ts';
import { webLogin } from '../../helpers/web.ts';

/**
 * 立案 (filing) in processes/penalty.bpmn: 生态环境行政处罚办法（2023）— decide whether to file
 * within 15 days of discovering the lead or receiving its materials, +15 once on approval;
 * 行政处罚法 art. 54 (filing), art. 36 (limitation period: 2 years, 5 where citizens' life and
 * health or financial safety is endangered with harmful consequences).
 */
type View = Awaited<ReturnType<typeof view>>;
const clock = (v: View, name: string) => v.clocks.find((c: { name: string }) => c.name === name);
const open = (v: View) => v.tasks.map((t: { elementId: string }) => t.elementId);

describe('Feature: 立案 — lead discovery, filing period, limitation period (processes/penalty.bpmn)', () => {
  let s: TestServer;
  let officer1: ApiClient;
  let head1: ApiClient;
  let seq = 0;

  before(async () => {
    s = await startProcessServer('penalty-filing');
    [officer1, head1] = await Promise.all(['officer1', 'head1'].map((u) => ApiClient.login(s.base, u, 'demo')));
  });
  after(() => s.close());

  const at = async (iso: string) => s.api.post('/api/dev/clock', { set: iso });
  const cases = async () => Number((await s.zhifa.db('instances').count({ n: '*' }))[0]!.n);
  /** A lead typed in on Tuesday 12 May 2026, 09:00 Shanghai, a case of officer1's department. */
  const registered = async (leadDiscoveredOn: string, more: Record<string, unknown> = {}) => {
    await at('2026-05-12T01:00:00Z');
    return startForDepartmentOf(s, 'officer1', 'penalty', lead(leadDiscoveredOn, more), `FIL-${++seq}`);
  };

  it('办法（2023）立案期限: a lead discovered on 4 May and typed in on 12 May must be decided by 19 May, not 27 May; the decision clock counts 90 days from the filing date (处罚法 art. 60)', async () => {
    const id = await registered('2026-05-04', { materialsReceivedOn: '2026-05-06' });
    let v = await view(s, id);
    expect(v.variables).to.include({ leadDiscoveredOn: '2026-05-04', materialsReceivedOn: '2026-05-06' });
    expect(clock(v, 'filing')).to.include({ status: 'running', dueAt: '2026-05-19T16:00:00.000Z' });
    expect((await openTask(s, id, 'filingApproval')).dueAt).to.equal('2026-05-19T16:00:00.000Z');

    await at('2026-05-15T02:00:00Z');
    await completeTask(s, head1, id, 'filingApproval', filing('2026-04-28'));
    v = await view(s, id);
    expect(v.variables).to.include({ filingDate: '2026-05-15', violationDate: '2026-04-28' });
    expect(v.variables.lateFilingReason).to.equal(undefined);
    expect(clock(v, 'filing').status).to.equal('stopped');
    // 90 calendar days after Friday 15 May: Thursday 13 August.
    expect(clock(v, 'decision')).to.include({ status: 'running', dueAt: '2026-08-13T16:00:00.000Z' });
  });

  it('办法（2023）立案期限 extended once on approval: 15 + 15 days from the discovery on 4 May end on 3 June', async () => {
    const id = await registered('2026-05-04');
    const key = (await view(s, id)).businessKey;
    expect((await s.api.post('/api/messages', { name: 'penaltyFilingExtensionRequested', businessKey: key })).status).to.equal(200);
    await completeTask(s, officer1, id, 'requestFilingExtension', { extensionReason: '需调取上游企业监测数据' });
    await completeTask(s, head1, id, 'approveFilingExtension', { extensionGranted: true, extensionOpinion: '同意延长15日' });
    const v = await view(s, id);
    expect(clock(v, 'filing')).to.include({ status: 'running', dueAt: '2026-06-03T16:00:00.000Z' });
    expect((await openTask(s, id, 'filingApproval')).dueAt).to.equal('2026-06-03T16:00:00.000Z');
  });

  it('refuses a lead discovered (or materials received) after today: nothing is started', async () => {
    await at('2026-05-12T01:00:00Z');
    const before = await cases();
    const res = await s.api.post('/api/instances', { processKey: 'penalty', variables: lead('2026-05-13', { materialsReceivedOn: '2026-05-14' }) });
    expect(res.status).to.equal(422);
    expect(res.contentType).to.contain('application/problem+json');
    expect(res.body.errors).to.deep.equal([
      { field: 'leadDiscoveredOn', message: '「线索发现日期」（2026-05-13）不能晚于今天（2026-05-12）' },
      { field: 'materialsReceivedOn', message: '「材料收到日期」（2026-05-14）不能晚于今天（2026-05-12）' },
    ]);
    const { leadDiscoveredOn: _, ...without } = lead('2026-05-01');
    const missing = await s.api.post('/api/instances', { processKey: 'penalty', variables: without });
    expect(missing.status).to.equal(422);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).to.deep.equal(['leadDiscoveredOn']);
    expect(await cases(), 'no case started').to.equal(before);
  });

  it('办法（2023）: a filing decision after the period ends is refused without a recorded reason; with it, the reason shows on the case page and in the statistics', async () => {
    const id = await registered('2026-05-04');
    const statsBefore = (await s.api.get('/api/statistics?from=2026-01-01&to=2026-12-31')).body.lateFilings;
    // Wednesday 20 May, the day after the last day.
    await at('2026-05-20T01:00:00Z');
    const refused = await submitTask(s, head1, id, 'filingApproval', filing('2026-04-28'));
    expect(refused.status).to.equal(422);
    expect(refused.body.errors).to.deep.equal([{ field: 'lateFilingReason', message: '立案审查期限已于 2026-05-19 届满，逾期作出立案决定须填写「逾期立案理由」' }]);
    // Backdating the decision does not make it on time.
    const backdated = await submitTask(s, head1, id, 'filingApproval', filing('2026-04-28', { filingDate: '2026-05-19' }));
    expect(backdated.status).to.equal(422);
    let v = await view(s, id);
    expect(open(v), 'the case does not move').to.include('filingApproval');
    expect(clock(v, 'filing').status).to.equal('running');
    expect(v.variables.filingDate).to.equal(undefined);

    const reason = '举报材料需经监测站复核，复核报告5月19日晚送达';
    await completeTask(s, head1, id, 'filingApproval', filing('2026-04-28', { lateFilingReason: reason }));
    v = await view(s, id);
    expect(v.variables).to.include({ filingDate: '2026-05-20', lateFilingReason: reason });
    expect(clock(v, 'decision').status).to.equal('running');

    const web = await webLogin(s.base, 'head1', 'demo');
    const page = await web.get(`/cases/${id}`);
    expect(page.status).to.equal(200);
    expect(page.text).to.contain(`逾期立案理由：${reason}`);
    expect((await s.api.get('/api/statistics?from=2026-01-01&to=2026-12-31')).body.lateFilings).to.equal(statsBefore + 1);
    const manager = await webLogin(s.base, 'manager1', 'demo');
    const stats = await manager.get('/dashboard/statistics?from=2026-01-01&to=2026-12-31');
    expect(stats.text).to.match(/data-testid="late-filings">[^<]*：<a href="[^"]*table=lateFilings[^"]*">1<\/a> 件/).and.contain(reason);
  });

  it('处罚法 art. 36: a violation not discovered within two years of the act is not filed; the last day of the two years still is', async () => {
    const id = await registered('2026-05-04');
    const old = await submitTask(s, head1, id, 'filingApproval', filing('2024-05-03'));
    expect(old.status).to.equal(422);
    expect(old.body.errors).to.deep.equal([{
      field: 'violationDate',
      message: '违法行为自 2024-05-03 起2年内（至 2026-05-03）未被发现（线索发现于 2026-05-04），依《中华人民共和国行政处罚法》第三十六条不再给予行政处罚，不得立案；涉及公民生命健康安全、金融安全且有危害后果的，期限为5年',
    }]);
    let v = await view(s, id);
    expect(open(v)).to.include('filingApproval');
    expect(v.variables.violationDate).to.equal(undefined);
    expect(clock(v, 'decision'), 'no decision clock').to.equal(undefined);

    const noDate = await submitTask(s, head1, id, 'filingApproval', { fileCase: true, filingOpinion: '同意立案' });
    expect(noDate.status).to.equal(422);
    expect(noDate.body.errors).to.deep.equal([{ field: 'violationDate', message: '予以立案须填写「违法行为发生日期」，以核对追责时效（行政处罚法第三十六条）' }]);

    await completeTask(s, head1, id, 'filingApproval', filing('2024-05-04'));
    v = await view(s, id);
    expect(v.variables.violationDate).to.equal('2024-05-04');
    expect(clock(v, 'decision').status).to.equal('running');
  });

  it('处罚法 art. 36: a continuing violation counts from the day it ended; five years where life and health or financial safety is harmed; an old lead may still be closed as not filed', async () => {
    const continuing = await registered('2026-05-04');
    const ended = await submitTask(s, head1, continuing, 'filingApproval', filing('2023-01-10', { violationEndedOn: '2022-12-31' }));
    expect(ended.status, 'an end before the start').to.equal(422);
    expect(ended.body.errors).to.deep.equal([{ field: 'violationEndedOn', message: '「违法行为终了日期」（2022-12-31）不能早于违法行为发生日期（2023-01-10）' }]);
    await completeTask(s, head1, continuing, 'filingApproval', filing('2023-01-10', { violationEndedOn: '2024-06-30' }));
    expect((await view(s, continuing)).variables).to.include({ violationDate: '2023-01-10', violationEndedOn: '2024-06-30' });

    const harmful = await registered('2026-05-04');
    const two = await submitTask(s, head1, harmful, 'filingApproval', filing('2022-03-01'));
    expect(two.status).to.equal(422);
    const five = await submitTask(s, head1, harmful, 'filingApproval', filing('2021-05-03', { harmsLifeOrFinancialSafety: true }));
    expect(five.status).to.equal(422);
    expect(five.body.errors[0].message).to.contain('自 2021-05-03 起5年内（至 2026-05-03）未被发现');
    await completeTask(s, head1, harmful, 'filingApproval', filing('2022-03-01', { harmsLifeOrFinancialSafety: true }));
    expect(clock(await view(s, harmful), 'decision').status).to.equal('running');

    const tooOld = await registered('2026-05-04');
    await completeTask(s, head1, tooOld, 'filingApproval', { fileCase: false, filingOpinion: '违法行为已超过追责时效，不予立案', violationDate: '2020-01-01' });
    const v = await view(s, tooOld);
    expect(v.status).to.equal('completed');
    expect(clock(v, 'decision')).to.equal(undefined);
  });

  it('refuses dates of the filing decision after today or before the lead was discovered', async () => {
    const id = await registered('2026-05-04');
    const res = await submitTask(s, head1, id, 'filingApproval', filing('2026-05-13', { filingDate: '2026-05-03' }));
    expect(res.status).to.equal(422);
    expect(res.body.errors).to.deep.equal([
      { field: 'violationDate', message: '「违法行为发生日期」（2026-05-13）不能晚于今天（2026-05-12）' },
      { field: 'filingDate', message: '「立案审批日期」（2026-05-03）不能早于线索发现日期（2026-05-04）' },
    ]);
    expect(open(await view(s, id))).to.include('filingApproval');
  });
});
