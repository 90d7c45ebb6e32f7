import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { media } from '../helpers/evidence.ts';
import { view } from '../helpers/fixtures.ts';
import { ROOT, startServer, type TestServer } from '../helpers/server.ts';
import { webLogin, type WebSession } from '../helpers/web.ts';

/** Evidence uploaded from a task page: streamed, size-limited, type-checked, stored by content hash and numbered per case. */
describe('Web: evidence upload from a task page', () => {
  let s: TestServer;
  let officer1: WebSession;
  let caseId: string;
  let taskId: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhifa-evidence-'));

  before(async () => {
    s = await startServer({ label: 'web-evidence', processesDir: path.join(ROOT, 'processes'), env: { ZHIFA_EVIDENCE_DIR: dir, ZHIFA_EVIDENCE_MAX_MB: '0.01' } });
    officer1 = await webLogin(s.base, 'officer1', 'demo');
    const started = await officer1.post('/cases/new/penalty', { party: '湘西某化工有限公司', partyType: '法人及非法人组织', lead: '巡查发现', leadDiscoveredOn: '2026-03-02', partyAddress: '湖南省吉首市经济开发区1号', legalRepresentative: '李四' });
    caseId = started.location!.replace('/cases/', '');
    taskId = (await view(s, caseId)).tasks[0].id;
  });
  after(async () => {
    await s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const upload = async (who: WebSession, fileName: string, bytes: Buffer, description = '现场检查全程录像，执法人员张执法、李执法在场') => {
    const form = new FormData();
    form.append('description', description);
    form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
    const res = await fetch(`${s.base}/tasks/${taskId}/evidence?_csrf=${encodeURIComponent(who.csrf)}`, { method: 'POST', body: form, headers: { cookie: who.cookie }, redirect: 'manual' });
    return { status: res.status, location: decodeURIComponent(res.headers.get('location') ?? '') };
  };
  const rows = () => s.zhifa.db('evidence').where({ case_id: caseId }).orderBy('id');
  const storedFiles = () => fs.readdirSync(dir, { recursive: true }).filter((f) => fs.statSync(path.join(dir, String(f))).isFile());

  it('stores an audio-video record by its SHA-256, numbers it 音像记录 No. 1, No. 2, records it on the case and lists it on the task page', async () => {
    const video = media.mp4('fake mp4 bytes of a site inspection');
    const first = await upload(officer1, '现场录像.mp4', video);
    expect(first.status).to.equal(303);
    expect(first.location).to.equal(`/tasks/${taskId}?evidence=音像记录 No. 1`);
    const second = await upload(officer1, '询问录音.mp3', media.mp3('another recording'));
    expect(second.location).to.include('音像记录 No. 2');
    const photo = await upload(officer1, '排污口.jpg', media.jpg('jpeg'));
    expect(photo.location, 'photos are numbered apart').to.include('书证物证 No. 1');

    const [row] = await rows();
    const sha = createHash('sha256').update(video).digest('hex');
    expect(row).to.include({ kind: '音像记录', seq: 1, file_name: '现场录像.mp4', sha256: sha, uploaded_by: 'officer1', element_id: 'filingApproval' });
    expect(fs.readFileSync(path.join(dir, sha.slice(0, 2), sha)).equals(video)).to.equal(true);
    expect((await view(s, caseId)).history.filter((h: { kind: string }) => h.kind === 'evidence.added').map((h: { data: { label: string } }) => h.data.label)).to.deep.equal(['音像记录 No. 1', '音像记录 No. 2', '书证物证 No. 1']);
    const page = await officer1.get(`/tasks/${taskId}`);
    expect(page.text).to.include('现场录像.mp4').and.to.include('音像记录 No. 1');
    const download = await officer1.get(`/evidence/${row.id}`);
    expect(download.text).to.equal(video.toString());
  });

  it('refuses a file over the limit, of a refused type, or empty, with a clear message, and stores nothing', async () => {
    const before = { rows: (await rows()).length, files: storedFiles().length };
    const big = await upload(officer1, '长录像.mp4', Buffer.alloc(20_000, 1));
    expect(big.location).to.include('文件超过大小限制');
    const exe = await upload(officer1, 'tool.exe', Buffer.from('MZ'));
    expect(exe.location).to.include('不接受此类文件「tool.exe」');
    const empty = await upload(officer1, '空.mp4', Buffer.alloc(0));
    expect(empty.location).to.include('文件为空');
    const noNote = await upload(officer1, '录像.mp4', media.mp4('x'), '');
    expect(noNote.location).to.include('请填写证据说明');
    expect((await rows()).length).to.equal(before.rows);
    expect(storedFiles().length, 'no file, not even a temporary one').to.equal(before.files);
    const page = await officer1.get(`/tasks/${taskId}?evidenceError=${encodeURIComponent('不接受此类文件')}`);
    expect(page.text).to.include('data-testid="evidence-error"');
  });

  it('without JavaScript the task form posts the file with what is typed: the evidence is stored, the typed values become the draft and the task page shows them', async () => {
    const head1 = await webLogin(s.base, 'head1', 'demo');
    const page = await head1.get(`/tasks/${taskId}`);
    expect(page.text, 'the fallback sits in the task form, shown without JavaScript').to.match(/<noscript>[\s\S]*formaction="\/tasks\/[^"]+\/evidence\?keep=1&amp;_csrf=[^"]+" formenctype="multipart\/form-data"/);
    const keepUpload = async (typed: Record<string, string>, fileName: string, bytes: Buffer, description = '立案审批时补充的现场照片') => {
      const form = new FormData();
      form.append('_csrf', head1.csrf);
      for (const [k, v] of Object.entries(typed)) form.append(k, v);
      form.append('_evidence_description', description);
      form.append('_evidence_place', '排污口');
      form.append('_evidence_file', new Blob([new Uint8Array(bytes)]), fileName);
      const res = await fetch(`${s.base}/tasks/${taskId}/evidence?keep=1&_csrf=${encodeURIComponent(head1.csrf)}`, { method: 'POST', body: form, headers: { cookie: head1.cookie }, redirect: 'manual' });
      return { status: res.status, location: decodeURIComponent(res.headers.get('location') ?? '') };
    };
    const draft = async () => JSON.parse((await s.zhifa.db('task_drafts').where({ task_id: taskId, username: 'head1' }).first()).values);
    const before = (await rows()).length;

    const typed = { fileCase: 'true', filingOpinion: '违法事实初步查实，同意立案', caseCause: '未批先建排污口', violationDate: '2026-02-20' };
    const done = await keepUpload(typed, '排污口照片.jpg', media.jpg('photo'));
    expect(done.status).to.equal(303);
    expect(done.location).to.equal(`/tasks/${taskId}?evidence=书证物证 No. 2&draft=saved`);
    const [added] = (await rows()).slice(before);
    expect(added).to.include({ file_name: '排污口照片.jpg', description: '立案审批时补充的现场照片', place: '排污口', uploaded_by: 'head1' });
    expect(await draft()).to.deep.equal({ fileCase: true, filingOpinion: '违法事实初步查实，同意立案', caseCause: '未批先建排污口', violationDate: '2026-02-20', harmsLifeOrFinancialSafety: false });
    const shown = await head1.get(done.location);
    expect(shown.text).to.include('data-testid="draft-restored"').and.to.include('>违法事实初步查实，同意立案</textarea>').and.to.include('value="未批先建排污口"').and.to.include('value="2026-02-20"');
    expect(shown.text).to.match(/<input type="radio" name="fileCase" value="true" checked/);

    // A refused file (too large, of a refused type) keeps what was typed all the same; nothing is stored.
    const changed = { ...typed, filingOpinion: '同意立案，另需补充询问笔录' };
    const big = await keepUpload(changed, '长录像.mp4', Buffer.alloc(20_000, 1));
    expect(big.location).to.include('文件超过大小限制').and.to.include('draft=saved');
    expect((await draft()).filingOpinion).to.equal('同意立案，另需补充询问笔录');
    const exe = await keepUpload({ ...changed, caseCause: '超标排放' }, 'tool.exe', Buffer.from('MZ'));
    expect(exe.location).to.include('不接受此类文件「tool.exe」').and.to.include('draft=saved');
    expect((await draft()).caseCause).to.equal('超标排放');
    expect((await rows()).length).to.equal(before + 1);
    expect((await s.zhifa.db('tasks').where({ id: taskId }).first()).status, 'the task is not completed by keeping it').to.equal('open');
  });

  it("refuses an upload to another department's case, and one without its CSRF token", async () => {
    await s.zhifa.accounts.create({ username: 'elsewhere', password: 'pw', department: '其他执法大队', roles: ['staff'] });
    const outsider = await webLogin(s.base, 'elsewhere', 'pw');
    const before = (await rows()).length;
    expect((await upload(outsider, 'x.mp4', Buffer.from('x'))).status).to.equal(403);
    const form = new FormData();
    form.append('description', 'x');
    form.append('file', new Blob([new TextEncoder().encode("x")]), 'x.mp4');
    const noToken = await fetch(`${s.base}/tasks/${taskId}/evidence`, { method: 'POST', body: form, headers: { cookie: officer1.cookie }, redirect: 'manual' });
    expect(noToken.status).to.equal(403);
    expect((await rows()).length).to.equal(before);
  });
});
