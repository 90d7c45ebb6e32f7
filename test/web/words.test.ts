import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { completeTask, startForDepartmentOf, startInstance, view } from '../helpers/fixtures.ts';
import { caseReview, fileCase, lead, moveClock, notifyAndServe } from '../helpers/penalty-case.ts';
import { penaltyDecision } from '../helpers/publications.ts';
import { ApiClient, ROOT, startProcessServer, type TestServer } from '../helpers/server.ts';
import { webLogin, type WebSession } from '../helpers/web.ts';

/** What a person reads on a page: its text, without markup, scripts or attribute values. */
const visible = (html: string) => html.replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&[a-z]+;|&#\d+;/g, ' ').replace(/\s+/g, ' ');

/** Every id the shipped diagrams give an element, every clock name, role code, group id and demo username. */
function internalNames(): string[] {
  const ids = new Set<string>();
  for (const f of fs.readdirSync(path.join(ROOT, 'processes')).filter((n) => n.endsWith('.bpmn'))) {
    for (const m of fs.readFileSync(path.join(ROOT, 'processes', f), 'utf8').matchAll(/\sid="([A-Za-z][\w-]*)"/g)) if (/[A-Z]/.test(m[1]!)) ids.add(m[1]!);
  }
  const clocks = Object.keys(JSON.parse(fs.readFileSync(path.join(ROOT, 'rules/clocks.json'), 'utf8')).clocks as object);
  const people = ['officer1', 'officer2', 'reviewer1', 'legal1', 'head1', 'manager1'];
  const codes = ['process-admin', 'case-reviewers', 'legal-reviewers', 'officers', 'heads', 'managers', 'candidateGroups'];
  return [...ids, ...clocks, ...people, ...codes];
}

/**
 * Words a user understands: the pages of a real case, as the officer, the head and the manager
 * see them, name steps, clocks, people, groups and roles in Chinese, and deadlines by their last
 * day; no internal identifier shows through.
 */
describe('Web: pages speak the users\' language', () => {
  let s: TestServer;
  let officer1: WebSession;
  let manager1: WebSession;
  let head1: WebSession;
  let caseId: string;
  let publicationId: string;
  const forbidden = internalNames();

  before(async () => {
    s = await startProcessServer('web-words');
    await moveClock(s, '2026-04-15T02:00:00Z');
    const head = await ApiClient.login(s.base, 'head1', 'demo');
    const officer = await ApiClient.login(s.base, 'officer1', 'demo');
    const reviewer = await ApiClient.login(s.base, 'reviewer1', 'demo');
    caseId = await fileCase(s, head, 'W-1', '2026-04-13', '2026-04-10');
    await completeTask(s, officer, caseId, 'investigation', {
      investigators: ['officer1', 'officer2'], certificatesShown: true, facts: '夜间偷排生产废水',
      evidence: [{ name: '现场检查笔录', kind: '勘验笔录、现场笔录' }],
    });
    await completeTask(s, reviewer, caseId, 'caseReview', caseReview({ partyType: '法人及非法人组织', kinds: ['warning'] }));
    await notifyAndServe(s, officer, caseId, '2026-04-20');
    // A publication case: its reminder clock (publicationReminder) runs beside the statutory one.
    publicationId = await startForDepartmentOf(s, 'officer1', 'publication', { ...penaltyDecision('保靖县某砂场'), decisionDate: '2026-04-20' });
    // A lead not yet filed: 立案审批 is due within 15 calendar days of 20 April.
    await startInstance(s, 'penalty', lead('2026-04-20', { party: '永顺县某造纸厂' }), 'W-2');
    [officer1, manager1, head1] = await Promise.all([webLogin(s.base, 'officer1', 'demo'), webLogin(s.base, 'manager1', 'demo'), webLogin(s.base, 'head1', 'demo')]);
  });
  after(() => s.close());

  const leaks = (text: string) => forbidden.filter((name) => new RegExp(`(^|[^\\w-])${name}([^\\w-]|$)`).test(text));

  it('shows the case page, the task lists, a task form, the dashboard, the statistics, the inbox, the account and the public lists without an internal identifier', async () => {
    const task = (await view(s, caseId)).tasks[0].id as string;
    const pages: Array<[WebSession, string]> = [
      [officer1, `/cases/${caseId}`], [officer1, '/'], [officer1, `/tasks/${task}`], [officer1, '/cases/new'], [officer1, '/inbox'],
      [officer1, `/cases/${publicationId}`], [head1, '/'], [manager1, '/dashboard'], [manager1, '/dashboard/statistics'], [manager1, '/'], [officer1, '/public/lists'], [officer1, '/public/violations'], [officer1, '/public/discretion'], [officer1, '/admin'],
    ];
    for (const [who, url] of pages) {
      const res = await who.get(url);
      expect(res.status, url).to.be.oneOf([200, 403]);
      const text = visible(res.text);
      expect(leaks(text), `${url}: ${text.slice(0, 200)}`).to.deep.equal([]);
      expect(text, `${url}: a period code`).not.to.match(/\bP\d+[WC]D\b/);
      expect(text, `${url}: maintainer notes`).not.to.include('(steps)').and.not.include('（steps）').and.not.include('修改后重启生效');
    }
  });

  it('names the step, clock and person on the timeline, and shows a deadline as its last day, counted in the unit of its period', async () => {
    const text = visible((await officer1.get(`/cases/${caseId}`)).text);
    expect(text).to.include('立案人 系统管理员').and.include('提交「立案审批」表单 · 陈局长').and.include('立案审查期限 15 日 「开始立案审查期限」');
    expect(text).not.to.include('完成环节「forkFiling」');
    // 90 calendar days from filing on 15 April: the last day is 14 July, not "2026/07/15 00:00".
    expect(text).to.include('办案期限 计时中 2026-07-14 届满');
    // The statement period: 5 working days after 20 April, to Monday 27 April.
    expect(text).to.include('陈述申辩期限 计时中 2026-04-27 届满');
    const heads = visible((await head1.get('/')).text);
    // 15 calendar days after 20 April end on 5 May, a holiday (1–5 May 2026): the limit ends on the next working day.
    expect(heads, 'the filing limit counts calendar days').to.include('立案审批 W-2 永顺县某造纸厂 待认领（负责人） 2026-05-06 届满 剩余 16 日');
    expect(visible((await officer1.get(`/cases/${publicationId}`)).text), 'the reminder clock by its name').to.include('公示期限届满前提醒');
  });

  it('names roles in Chinese on a refused page, and groups by their names on the account page (where the user name is the sign-in name)', async () => {
    const refused = await officer1.get('/admin');
    expect(refused.status).to.equal(403);
    expect(visible(refused.text)).to.include('此页面需要以下角色之一：系统管理员、流程管理员');
    const account = visible((await officer1.get('/account')).text);
    expect(account).to.include('组 承办人员').and.include('角色 执法人员');
    expect(account.replace('用户名 officer1', ''), 'the header names the user by name').not.to.include('officer1');
  });
});
