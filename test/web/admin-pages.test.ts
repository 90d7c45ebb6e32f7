import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { startInstance, view } from '../helpers/fixtures.ts';
import { ROOT, startProcessServer, startServer, type TestServer } from '../helpers/server.ts';
import { webLogin, type WebSession } from '../helpers/web.ts';

const CATALOG_PROBE = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://zhifa.local/test">
  <bpmn:process id="catalog-probe" name="目录探针" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="ask" />
    <bpmn:serviceTask id="ask" name="查询法制审核目录" camunda:expression="\${services.reviewCatalog}" />
    <bpmn:sequenceFlow id="f2" sourceRef="ask" targetRef="look" />
    <bpmn:userTask id="look" name="查看" camunda:candidateGroups="officers" />
    <bpmn:sequenceFlow id="f3" sourceRef="look" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

const withTimer = (duration: string) => CATALOG_PROBE.replace('<bpmn:userTask id="look" name="查看" camunda:candidateGroups="officers" />', `<bpmn:userTask id="look" name="查看" camunda:candidateGroups="officers" camunda:dueDate="${duration}" />`);

/** A modeler's request: the XML as the body, the session's CSRF token in a header. */
async function postXml(who: WebSession, p: string, xml: string) {
  const res = await fetch(who.base + p, { method: 'POST', redirect: 'manual', headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': 'application/xml' }, body: xml });
  const text = await res.text();
  return { status: res.status, text, json: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined };
}

/** The administrators' area over HTTP: who may enter, the modeler's validate and deploy, the catalog, the calendar, users. */
describe('Web: the administrators\' area', () => {
  let s: TestServer;
  let admin: WebSession;
  let officer1: WebSession;
  let manager1: WebSession;

  before(async () => {
    s = await startProcessServer('web-admin');
    [admin, officer1, manager1] = await Promise.all([webLogin(s.base, 'admin', 'admin'), webLogin(s.base, 'officer1', 'demo'), webLogin(s.base, 'manager1', 'demo')]);
  });
  after(() => s.close());

  const versionsOf = async (key: string) => (await s.api.get('/api/definitions')).body.filter((d: { key: string }) => d.key === key).length;

  it('answers staff and managers with the 403 page, and a deploy from them stores nothing', async () => {
    for (const who of [officer1, manager1]) {
      for (const p of ['/admin', '/admin/processes/penalty/edit', '/admin/catalog', '/admin/calendar', '/admin/users']) {
        const res = await who.get(p);
        expect(res.status, p).to.equal(403);
        expect(res.text).to.include('无权访问');
      }
      const deploy = await postXml(who, '/admin/processes/deploy', CATALOG_PROBE);
      expect(deploy.status).to.equal(403);
      const catalog = await who.post('/admin/catalog', { catalog: '{}' });
      expect(catalog.status).to.equal(403);
    }
    expect(await versionsOf('catalog-probe')).to.equal(0);
  });

  it('lists every process with its versions, who deployed them and how many cases run on each', async () => {
    await startInstance(s, 'penalty', { party: '某公司', partyType: '法人及非法人组织', lead: '举报', leadDiscoveredOn: '2026-03-02', partyAddress: '湖南省吉首市经济开发区1号', legalRepresentative: '李四' });
    const res = await admin.get('/admin');
    expect(res.status).to.equal(200);
    const row = /<tr data-key="penalty" data-version="1">([\s\S]*?)<\/tr>/.exec(res.text)?.[1] ?? '';
    expect(row).to.include('system:startup').and.include('<td>1</td>');
    expect(row).to.include('/admin/processes/penalty/edit?version=1').and.include('/admin/processes/penalty/versions/1/diagram.bpmn?download');
    for (const key of ['coercion', 'permit', 'legal-review', 'publication']) expect(res.text).to.include(`data-key="${key}"`);
  });

  it('opens a version in the modeler and downloads its XML as deployed, Camunda attributes and all', async () => {
    const page = await admin.get('/admin/processes/penalty/edit');
    expect(page.status).to.equal(200);
    expect(page.text).to.include('/assets/bpmn-js/bpmn-modeler.production.min.js').and.include('/assets/admin-modeler.js');
    expect(page.text).to.include('data-xml-url="/admin/processes/penalty/versions/1/diagram.bpmn"');
    const download = await fetch(`${s.base}/admin/processes/penalty/versions/1/diagram.bpmn?download`, { headers: { cookie: admin.cookie } });
    expect(download.headers.get('content-disposition')).to.include('penalty-v1.bpmn');
    expect(await download.text()).to.equal(fs.readFileSync(path.join(ROOT, 'processes/penalty.bpmn'), 'utf8').trim());
    expect((await admin.get('/admin/processes/penalty/edit?version=9')).status).to.equal(404);
    const blank = await admin.get('/admin/processes/new/diagram.bpmn');
    expect((await postXml(admin, '/admin/processes/validate', blank.text)).json).to.deep.equal({ valid: true, problems: [] });
  });

  it('validates without storing: what does not parse, an unresolved reference and an unreadable period are named with their elements', async () => {
    const notXml = await postXml(admin, '/admin/processes/validate', 'this is not a diagram');
    expect(notXml.json.valid).to.equal(false);
    expect(notXml.json.problems[0].message).to.match(/does not parse|not valid/);
    const dangling = await postXml(admin, '/admin/processes/validate', CATALOG_PROBE.replace('targetRef="end"', 'targetRef="nowhere"'));
    expect(dangling.json.problems).to.deep.include({ message: 'unresolved reference <nowhere>', elementId: 'f3' });
    const badPeriod = await postXml(admin, '/admin/processes/validate', withTimer('P7XD'));
    expect(badPeriod.json.problems).to.have.length(1);
    expect(badPeriod.json.problems[0].elementId).to.equal('look');
    expect(badPeriod.json.problems[0].message).to.include('P7XD');
    expect(await versionsOf('catalog-probe'), 'validation stores nothing').to.equal(0);
  });

  it('refuses to deploy an invalid diagram with the same messages and stores nothing; deploys a valid one as a new version', async () => {
    const refused = await postXml(admin, '/admin/processes/deploy', withTimer('P7XD'));
    expect(refused.status).to.equal(422);
    expect(refused.json.problems[0]).to.include({ elementId: 'look' });
    expect(refused.json.problems[0].message).to.include('P7XD');
    expect(await versionsOf('catalog-probe')).to.equal(0);

    const deployed = await postXml(admin, '/admin/processes/deploy', withTimer('P5WD'));
    expect(deployed.status).to.equal(201);
    expect(deployed.json).to.include({ key: 'catalog-probe', version: 1, created: true });
    const again = await postXml(admin, '/admin/processes/deploy', withTimer('P5WD'));
    expect(again.status, 'identical content is not a new version').to.equal(200);
    const list = await admin.get('/admin');
    expect(/<tr data-key="catalog-probe" data-version="1">[\s\S]*?<\/tr>/.exec(list.text)?.[0]).to.include('<td>admin</td>');
  });

  it('stores an edited catalog with who and when, refuses a bad one with its message, and new cases in every server process use the newest', async () => {
    const other = await startServer({ label: 'web-admin-2', db: s.db }); // a second server process on the same database
    try {
      const caseBefore = await startInstance(other, 'catalog-probe', { partyType: '自然人', fineAmount: 5000 });
      expect((await view(other, caseBefore)).variables).to.include({ legalReviewRequired: false, legalReviewCatalogVersion: '2026-2' });

      const page = await admin.get('/admin/catalog');
      expect(page.text).to.include('对公民处以较大数额罚款').and.include('来自规则文件');
      const current = JSON.parse(fs.readFileSync(path.join(ROOT, 'rules/legal-review-catalog.json'), 'utf8'));

      const badJson = await admin.post('/admin/catalog', { catalog: '{"rules": [' });
      expect(badJson.status).to.equal(422);
      expect(badJson.text).to.include('不是有效的 JSON');
      const badRule = await admin.post('/admin/catalog', { catalog: JSON.stringify({ ...current, version: '2026-3', rules: [{ id: 'x', label: '某', when: { amountOver: 1 } }] }) });
      expect(badRule.status).to.equal(422);
      expect(badRule.text).to.include('未知条件：amountOver');
      const lowered = { ...current, rules: current.rules.map((r: { id: string; when: object }) => (r.id === 'fine-individual' ? { ...r, when: { ...r.when, fineAmountAtLeast: 5000 } } : r)) };
      const sameVersion = await admin.post('/admin/catalog', { catalog: JSON.stringify(lowered) });
      expect(sameVersion.status).to.equal(422);
      expect(sameVersion.text).to.include('请同时修改 &quot;version&quot;');
      expect((await admin.get('/admin/catalog')).text, 'nothing stored').to.include('尚无修订');

      s.clock.set(new Date('2026-03-03T02:00:00Z'));
      const saved = await admin.post('/admin/catalog', { catalog: JSON.stringify({ ...lowered, version: '2026-3' }, null, 2) });
      expect(saved.status).to.equal(303);
      const after = await admin.get(saved.location!);
      expect(after.text).to.include('已保存目录版本「2026-3」').and.include('第 1 次修订，admin 于 2026/03/03 10:00 保存');
      expect(after.text).to.include('罚款金额不低于（元） 5000');

      const caseAfter = await startInstance(other, 'catalog-probe', { partyType: '自然人', fineAmount: 5000 });
      expect((await view(other, caseAfter)).variables).to.include({ legalReviewRequired: true, legalReviewRule: 'fine-individual', legalReviewCatalogVersion: '2026-3' });
      expect((await view(s, caseBefore)).variables.legalReviewCatalogVersion, 'a case keeps the answer it was given').to.equal('2026-2');
    } finally {
      await other.stop();
    }
  });

  it('creates a user, field by field refusing what is wrong; a process administrator then manages processes but not users or the calendar', async () => {
    const refused = await admin.post('/admin/users', { username: '1x', password: 'short', roles: [], groups: ['nobody'], certificateNo: '43000000009', validUntil: '2026-02-01' });
    expect(refused.status).to.equal(422);
    for (const message of ['「用户名」以字母开头', '「初始密码」至少 8 位', '至少选择一个角色', '未知的组：nobody', '「有效期至」2026-02-01 已过去']) expect(refused.text).to.include(message);
    const taken = await admin.post('/admin/users', { username: 'officer1', password: 'long enough', roles: 'staff' });
    expect(taken.text).to.include('用户名「officer1」已存在');
    expect((await s.api.get('/api/tasks')).status).to.equal(200);

    const created = await admin.post('/admin/users', { username: 'modeler1', password: 'long enough', displayName: '孙流程', department: '法制审核科', roles: 'process-admin', groups: 'legal-reviewers' });
    expect(created.status).to.equal(200);
    expect(created.text).to.include('已创建用户 modeler1');
    const row = /<tr data-username="modeler1"[\s\S]*?<\/tr>/.exec(created.text)?.[0] ?? '';
    expect(row).to.include('孙流程').and.include('法制审核科').and.include('法制审核').and.include('流程管理员');

    const modeler1 = await webLogin(s.base, 'modeler1', 'long enough');
    expect((await modeler1.get('/admin')).status).to.equal(200);
    expect((await modeler1.get('/admin/catalog')).status).to.equal(200);
    expect((await modeler1.get('/admin/users')).status).to.equal(403);
    expect((await modeler1.post('/admin/users', { username: 'sneaky', password: 'long enough', roles: 'admin' })).status).to.equal(403);
    expect((await modeler1.post('/admin/calendar/closures', { date: '2026-03-20', name: '停电' })).status).to.equal(403);
    expect((await admin.get('/admin/users')).text).not.to.include('sneaky');
  });

  it('flags an expired enforcement certificate and renews it', async () => {
    await admin.post('/admin/users', { username: 'officer9', password: 'long enough', roles: 'staff', groups: 'officers', certificateNo: '43000000009', validUntil: '2026-04-30' });
    const rowOf = (html: string) => /<tr data-username="officer9"[\s\S]*?<\/tr>/.exec(html)?.[0] ?? '';
    expect(rowOf((await admin.get('/admin/users')).text)).to.include('有效期至 2026-04-30').and.include('badge ok');
    s.clock.set(new Date('2026-05-01T01:00:00Z'));
    const expired = rowOf((await admin.get('/admin/users')).text);
    expect(expired).to.include('class="expired"').and.include('已过期');

    const bad = await admin.post('/admin/users/officer9/certificate', { certificateNo: '43000000009', validUntil: '2026-13-01' });
    expect(bad.status).to.equal(422);
    expect(bad.text).to.include('「有效期至」应为日期 YYYY-MM-DD');
    const renewed = await admin.post('/admin/users/officer9/certificate', { certificateNo: '43000000019', validUntil: '2031-04-30' });
    expect(renewed.text).to.include('已更新 officer9 的执法证 43000000019，有效期至 2031-04-30');
    expect(rowOf(renewed.text)).not.to.include('已过期');
    expect((await admin.post('/admin/users/ghost/certificate', { certificateNo: '1234', validUntil: '2031-01-01' })).status).to.equal(404);
  });

  it('shows the calendar years with their source, loads a year and adds a closure; bad input changes nothing', async () => {
    const page = await admin.get('/admin/calendar');
    // Each year names what it rests on: the State Council notice, or the 办法's articles while provisional.
    expect(/<tr data-year="2026">[\s\S]*?<\/tr>/.exec(page.text)?.[0]).to.include('官方公布')
      .and.include('《国务院办公厅关于2026年部分节假日安排的通知》（国办发明电〔2025〕7号，2025年11月4日）').and.not.include('chinese-days');
    expect(/<tr data-year="2027">[\s\S]*?<\/tr>/.exec(page.text)?.[0]).to.include('暂定')
      .and.include('按《全国年节及纪念日放假办法》第二条、第六条暂定');

    const badJson = await admin.post('/admin/calendar/years', { year: '2027', arrangement: '{"holidays": [' });
    expect(badJson.status).to.equal(422);
    expect(badJson.text).to.include('「安排」不是有效的 JSON').and.include('{&quot;holidays&quot;: [');
    const badDay = await admin.post('/admin/calendar/years', { year: '2027', arrangement: '{"holidays": ["2027-01-01"], "workdays": ["2027-01-04"]}' });
    expect(badDay.status).to.equal(422);
    expect(badDay.text).to.include('不是星期六或星期日');
    expect((await s.api.get('/api/calendar/years/2027')).body.source, 'nothing loaded').to.equal('provisional');

    const loaded = await admin.post('/admin/calendar/years', { year: '2027', arrangement: JSON.stringify({ holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: [], reference: '国办发明电〔2026〕9号' }) });
    expect(loaded.status).to.equal(200);
    expect(loaded.text).to.include('已载入 2027 年安排（放假 3 天');
    expect(/<tr data-year="2027">[\s\S]*?<\/tr>/.exec(loaded.text)?.[0]).to.include('管理员载入').and.include('国办发明电〔2026〕9号');

    const noName = await admin.post('/admin/calendar/closures', { date: '2026-05-20', name: ' ' });
    expect(noName.status).to.equal(422);
    const closed = await admin.post('/admin/calendar/closures', { date: '2026-05-20', name: '办公楼停电检修' });
    expect(closed.text).to.include('已增加 2026-05-20「办公楼停电检修」为停止办公日');
    expect((await s.api.get('/api/calendar/days/2026-05-20')).body).to.include({ workday: false });
  });
});
