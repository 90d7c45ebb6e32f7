import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { media, uploadEvidence } from '../helpers/evidence.ts';
import { openTask } from '../helpers/fixtures.ts';
import { ApiClient, ROOT, startServer, type TestServer } from '../helpers/server.ts';

/** Evidence over the API: annotated, numbered per case, never changed or deleted; a correction is a new entry. */
describe('API: evidence of a case', () => {
  let s: TestServer;
  let officer1: ApiClient;
  let officer2: ApiClient;
  let legal1: ApiClient;
  let caseId: string;
  let taskId: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhifa-api-evidence-'));

  before(async () => {
    s = await startServer({ label: 'api-evidence', processesDir: path.join(ROOT, 'processes'), env: { ZHIFA_EVIDENCE_DIR: dir, ZHIFA_EVIDENCE_MAX_MB: '0.01' } });
    officer1 = await ApiClient.login(s.base, 'officer1', 'demo');
    officer2 = await ApiClient.login(s.base, 'officer2', 'demo');
    legal1 = await ApiClient.login(s.base, 'legal1', 'demo');
    // Seized in an emergency: on site at once, before any legal review or approval, so legal1 (another office) has no part in the case.
    const started = await officer1.post('/api/instances', { processKey: 'coercion', variables: { party: '泸溪县某冶炼厂', emergency: true } });
    caseId = started.body.id;
    taskId = (await openTask(s, caseId, 'onSite')).id;
  });
  after(async () => {
    await s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const recordLength = async () => (await s.api.get(`/api/cases/${caseId}/record`)).body.length;
  const list = async () => (await officer1.get(`/api/instances/${caseId}/evidence`)).body;

  it('keeps a recording with its annotation (what, where, who speaks, main content), linked to its task and step, with the address it came from', async () => {
    const res = await uploadEvidence(officer1, taskId, '扣押现场.mp4', media.mp4('recording'), { description: '扣押全过程', place: '厂区东侧排污口', speakers: '张执法；当事人王某', summary: '告知扣押理由，清点水泵 2 台' });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.body).to.include({ label: '音像记录 No. 1', seq: 1, size: media.mp4('recording').length });
    const [e] = await list();
    expect(e).to.deep.include({ label: '音像记录 No. 1', fileName: '扣押现场.mp4', taskId, elementId: 'onSite', uploadedBy: 'officer1', corrects: null });
    expect(e.annotation).to.deep.equal({ description: '扣押全过程', place: '厂区东侧排污口', speakers: '张执法；当事人王某', summary: '告知扣押理由，清点水泵 2 台' });
    expect(e.uploadedFrom).to.match(/127\.0\.0\.1$/);
    const added = (await s.api.get(`/api/cases/${caseId}/record`)).body.find((x: { kind: string }) => x.kind === 'evidence.added');
    expect(added.data).to.deep.include({ label: '音像记录 No. 1', taskId, annotation: e.annotation });
    expect((await officer1.get(`/api/evidence/${e.id}/file`)).body).to.equal(media.mp4('recording').toString());
  });

  it('refuses an empty file, one over the limit, a type outside the list, or no description, and the record is unchanged', async () => {
    const before = await recordLength();
    const empty = await uploadEvidence(officer1, taskId, '空.mp4', Buffer.alloc(0));
    expect(empty.status).to.equal(422);
    expect(empty.body.detail).to.equal('文件为空，未保存');
    const large = await uploadEvidence(officer1, taskId, '大.mp4', Buffer.alloc(20_000, 1));
    expect(large.status).to.equal(413);
    expect(large.body.detail).to.match(/文件超过大小限制/);
    const exe = await uploadEvidence(officer1, taskId, 'tool.exe', Buffer.from('MZ'));
    expect(exe.status).to.equal(415);
    expect(exe.body.detail).to.match(/^不接受此类文件「tool\.exe」/);
    const bare = await uploadEvidence(officer1, taskId, '无说明.mp4', media.mp4('x'), {});
    expect(bare.status).to.equal(422);
    expect(await recordLength()).to.equal(before);
    expect(await list()).to.have.length(1);
  });

  it('corrects an annotation by a new entry referring to the old one; another department may not; editing or deleting anything recorded is refused', async () => {
    const [old] = await list();
    const before = await recordLength();
    const other = await legal1.post(`/api/evidence/${old.id}/corrections`, { description: '改写' });
    expect(other.status).to.equal(403);
    expect(other.body.detail).to.equal('您无权更正此证据的说明：它属于其他部门的案件');
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const res = await officer1.request<{ detail: string }>(method, `/api/evidence/${old.id}`, { description: '改写' });
      expect(res.status, method).to.equal(405);
      expect(res.body.detail).to.match(/^已记录的内容不得修改或删除/);
    }
    expect((await s.api.request('DELETE', `/api/cases/${caseId}/record`)).status).to.equal(405);
    expect(await recordLength()).to.equal(before);

    const fixed = await officer2.post(`/api/evidence/${old.id}/corrections`, { description: '扣押全过程', place: '厂区西侧排污口', speakers: '张执法；当事人王某', summary: '告知扣押理由，清点水泵 2 台' });
    expect(fixed.status, JSON.stringify(fixed.body)).to.equal(201);
    expect(fixed.body).to.include({ label: '音像记录 No. 2', sha256: old.sha256 });
    const [first, second] = await list();
    expect(first).to.deep.equal(old);
    expect(second).to.deep.include({ corrects: old.id, uploadedBy: 'officer2' });
    expect(second.annotation.place).to.equal('厂区西侧排污口');
    const entry = (await s.api.get(`/api/cases/${caseId}/record`)).body.at(-1);
    expect(entry).to.deep.include({ kind: 'evidence.added', actor: 'officer2' });
    expect(entry.data.corrects).to.deep.equal({ evidenceId: old.id, label: '音像记录 No. 1' });
    expect((await s.api.get(`/api/cases/${caseId}/record/verify`)).body.ok).to.equal(true);
  });
});
