import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { expect } from 'chai';
import { verifyArchive } from '../../src/record/verify-archive.ts';
import { media, uploadEvidence } from '../helpers/evidence.ts';
import { view } from '../helpers/fixtures.ts';
import { ApiClient, ROOT, startServer, type TestServer } from '../helpers/server.ts';
import { webLogin, type WebSession } from '../helpers/web.ts';

/** The case page shows the record's evidence in full, corrects an annotation as a new entry, verifies the record and exports the case file. */
describe('Web: the case record on the case page (evidence, corrections, verification, case file)', () => {
  let s: TestServer;
  let officer1: WebSession;
  let outsider: WebSession;
  let caseId: string;
  let sha: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhifa-case-record-'));
  const video = media.mp4('现场检查全程录像');

  before(async () => {
    s = await startServer({ label: 'web-case-record', processesDir: path.join(ROOT, 'processes'), env: { ZHIFA_EVIDENCE_DIR: dir } });
    officer1 = await webLogin(s.base, 'officer1', 'demo');
    const started = await officer1.post('/cases/new/penalty', { party: '湘西某化工有限公司', partyType: '法人及非法人组织', lead: '巡查发现', leadDiscoveredOn: '2026-03-02', partyAddress: '湖南省吉首市经济开发区1号', legalRepresentative: '李四' });
    caseId = started.location!.replace('/cases/', '');
    const task = (await view(s, caseId)).tasks[0];
    const api = await ApiClient.login(s.base, 'officer1', 'demo');
    const res = await uploadEvidence(api, task.id, '现场录像.mp4', video, { description: '现场检查全程录像', place: '厂区东侧排污口', speakers: '张执法、当事人法定代表人', summary: '告知检查事由，当事人确认排污口位置' });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    sha = res.body.sha256;
    await s.zhifa.accounts.create({ username: 'elsewhere', password: 'pw', department: '其他执法大队', roles: ['staff'] });
    outsider = await webLogin(s.base, 'elsewhere', 'pw');
  });
  after(async () => {
    await s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const rows = () => s.zhifa.db('evidence').where({ case_id: caseId }).orderBy('id');
  const evidenceSection = (html: string) => /data-testid="case-evidence"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';

  it('lists each evidence file with its number, annotation, step, uploader and SHA-256 (shortened, full in its title)', async () => {
    const page = await officer1.get(`/cases/${caseId}`);
    expect(page.status).to.equal(200);
    const list = evidenceSection(page.text);
    expect(list).to.include('data-evidence="音像记录 No. 1"').and.to.include('现场录像.mp4');
    expect(list).to.include('现场检查全程录像').and.to.include('厂区东侧排污口').and.to.include('张执法、当事人法定代表人').and.to.include('告知检查事由，当事人确认排污口位置');
    expect(list).to.include('<dd data-testid="evidence-step">立案审批</dd>');
    expect(list).to.match(/<dt>上传<\/dt><dd>[^<（]+（officer1）/);
    expect(list).to.include(`<code title="${sha}" data-testid="evidence-sha256">${sha.slice(0, 12)}…</code>`);
    expect(page.text).to.include(`href="/cases/${caseId}/record/verify"`).and.to.include(`href="/cases/${caseId}/export"`);
  });

  it('adds a correction as a new numbered entry that names the one it corrects, and shows it under the original', async () => {
    const [original] = await rows();
    const res = await officer1.post(`/evidence/${original.id}/corrections`, { description: '现场检查全程录像（更正：含采样过程）', place: '厂区东侧排污口', speakers: '张执法、李执法、当事人法定代表人', summary: '告知检查事由，采样两瓶' });
    expect(res.status).to.equal(303);
    expect(decodeURIComponent(res.location!)).to.equal(`/cases/${caseId}?recorded=音像记录 No. 2（更正 音像记录 No. 1 的说明）#evidence`);
    const all = await rows();
    expect(all).to.have.length(2);
    expect(all[0]).to.include({ description: '现场检查全程录像', speakers: '张执法、当事人法定代表人' });
    expect(all[1]).to.include({ seq: 2, corrects: original.id, sha256: sha, description: '现场检查全程录像（更正：含采样过程）', uploaded_by: 'officer1' });

    const list = evidenceSection((await officer1.get(`/cases/${caseId}`)).text);
    expect(list.match(/data-evidence="/g), 'a correction is listed under its original, not as a file of its own').to.have.length(1);
    expect(list).to.match(/data-testid="evidence-corrections">\s*<li><strong>音像记录 No. 2<\/strong> 更正 音像记录 No. 1：现场检查全程录像（更正：含采样过程）；地点：厂区东侧排污口；发言人：张执法、李执法、当事人法定代表人；主要内容：告知检查事由，采样两瓶/);
    expect(list, 'the next correction corrects the newest word on the file').to.include(`action="/evidence/${all[1].id}/corrections"`);
    const timeline = /data-testid="timeline"[\s\S]*?<\/ol>/.exec((await officer1.get(`/cases/${caseId}`)).text)?.[0] ?? '';
    expect(timeline).to.include('上传证据「音像记录 No. 1」').and.to.include('更正证据说明「音像记录 No. 1」');
  });

  it('refuses a correction without a description (422), without its CSRF token, or from someone who may not open the case (403), and records nothing', async () => {
    const [original] = await rows();
    const before = { evidence: (await rows()).length, history: (await view(s, caseId)).history.length };
    const empty = await officer1.post(`/evidence/${original.id}/corrections`, { description: '  ' });
    expect(empty.status).to.equal(422);
    expect(empty.text).to.include('请填写证据说明');
    expect((await officer1.post(`/evidence/${original.id}/corrections`, { description: '无令牌' }, { csrf: null })).status).to.equal(403);
    const foreign = await outsider.post(`/evidence/${original.id}/corrections`, { description: '他人更正' });
    expect(foreign.status).to.equal(403);
    expect(foreign.text).to.include('您无权更正此证据的说明').and.not.to.include('湘西某化工');
    expect((await officer1.post('/evidence/999999/corrections', { description: 'x' })).status).to.equal(404);
    expect((await rows()).length).to.equal(before.evidence);
    expect((await view(s, caseId)).history.length).to.equal(before.history);
  });

  it('verifies the whole record on a page: ok with the head hash, then the first problem named once a file is altered on disk', async () => {
    const api = (await s.api.get(`/api/cases/${caseId}/record/verify`)).body;
    expect(api.ok).to.equal(true);
    const ok = await officer1.get(`/cases/${caseId}/record/verify`);
    expect(ok.status).to.equal(200);
    expect(ok.text).to.include('data-testid="verify-ok"').and.to.include(`<code data-testid="verify-head">${api.head}</code>`);
    expect(ok.text).to.include(`${api.entries} 条记录、2 个证据文件`);

    const file = path.join(dir, sha.slice(0, 2), sha);
    fs.chmodSync(file, 0o644);
    fs.writeFileSync(file, Buffer.from('mp4: 剪接过的录像'));
    try {
      const bad = await officer1.get(`/cases/${caseId}/record/verify`);
      expect(bad.status).to.equal(200);
      expect(bad.text).to.include('data-testid="verify-failed"').and.not.to.include('data-testid="verify-ok"');
      expect(bad.text).to.match(/<strong data-testid="verify-problem">证据文件「音像记录 No. 1」（现场录像\.mp4）已被改动：现在的 SHA-256 为 [0-9a-f]{64}，登记时为 [0-9a-f]{64}<\/strong>/);
      expect(bad.text, 'the correction shares the file, so it is named too').to.include('另有 1 处问题');
    } finally {
      fs.writeFileSync(file, video);
    }
    expect((await officer1.get(`/cases/${caseId}/record/verify`)).text).to.include('data-testid="verify-ok"');
    expect((await outsider.get(`/cases/${caseId}/record/verify`)).status).to.equal(403);
  });

  it('downloads the case file for those who may open the case, and it verifies offline', async () => {
    const res = await fetch(`${s.base}/cases/${caseId}/export`, { headers: { cookie: officer1.cookie } });
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.include('application/x-tar');
    expect(res.headers.get('content-disposition')).to.equal(`attachment; filename="case-${caseId}.tar"`);
    const checked = await verifyArchive(Readable.from([Buffer.from(await res.arrayBuffer())]));
    expect(checked).to.include({ ok: true, caseId });
    const foreign = await outsider.get(`/cases/${caseId}/export`);
    expect(foreign.status).to.equal(403);
    expect(foreign.text).not.to.include('manifest');
  });
});
