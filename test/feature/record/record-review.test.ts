import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { expect } from 'chai';
import tar from 'tar-stream';
import { sealOf, type CaseFileManifest } from '../../../src/record/case-file.ts';
import { verifyArchive } from '../../../src/record/verify-archive.ts';
import { media, uploadRecording } from '../../helpers/evidence.ts';
import { completeTask, openTask, startInstance, view } from '../../helpers/fixtures.ts';
import { ApiClient, ROOT, startServer, type TestServer } from '../../helpers/server.ts';
import { whileTampered as whileTamperedWith } from '../../helpers/tamper.ts';
import { webLogin } from '../../helpers/web.ts';
import { seizureReviewPassed } from '../../helpers/coercion-case.ts';

/** The record holds against the ways around it: every recorded field is checked, a case file is tied to its chain, the gate has no back door. */
describe('Feature: the case record cannot be bypassed', () => {
  let s: TestServer;
  let officer: ApiClient;
  let head: ApiClient;
  let caseId: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhifa-record-review-'));
  const evidenceDir = path.join(dir, 'evidence');
  const recording = media.mp4('现场扣押全程录像，执法记录仪 No. 5');
  const onSite = {
    officers: ['officer1', 'officer2'], certificatesShown: true, measure: '扣押', party: '某化工有限公司', seizureObjects: '暗管排污用水泵 2 台', seizureItems: [{ name: '暗管排污用水泵', quantity: '2 台', condition: '外观完好' }],
    seizureReason: '通过暗管逃避监管排放污染物', legalBasis: '《中华人民共和国环境保护法》第二十五条', partyNotified: true, partyPresent: true,
    reasonsAndRightsStated: true, statementHeard: '无', recordNo: '现场笔录〔2026〕8号', recordSignature: '当事人和执法人员签名或盖章',
    inventoryNo: '清单〔2026〕4号', documentsHandedOver: true, testingNeeded: false,
  };
  const db = () => s.zhifa.db;
  const verify = async () => (await s.api.get(`/api/cases/${caseId}/record/verify`)).body;
  const whileTampered = (table: string, change: () => Promise<unknown>, restore: () => Promise<unknown>, look: () => Promise<void>) => whileTamperedWith(db(), table, change, restore, look);
  const exported = async () => {
    const res = await fetch(`${s.base}/api/cases/${caseId}/export`, { headers: { authorization: `Bearer ${s.api.token}` } });
    expect(res.status).to.equal(200);
    return Buffer.from(await res.arrayBuffer());
  };

  before(async function () {
    this.timeout(60_000);
    s = await startServer({ label: 'record-review', processesDir: path.join(ROOT, 'processes'), env: { ZHIFA_EVIDENCE_DIR: evidenceDir } });
    officer = await ApiClient.login(s.base, 'officer1', 'demo');
    head = await ApiClient.login(s.base, 'head1', 'demo');
    await s.api.post('/api/dev/clock', { set: '2026-03-02T01:00:00Z' });
    caseId = await startInstance(s, 'coercion', { party: '泸溪县某冶炼厂', emergency: false });
    await seizureReviewPassed(s, caseId);
    await completeTask(s, head, caseId, 'priorApproval', { approved: true, approvalOpinion: '同意实施' });
  });
  after(async () => {
    await s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a BPMN error cannot end a step of the audio-video list without its recording, and the case does not move', async () => {
    const task = await openTask(s, caseId, 'onSite');
    const before = (await s.api.get(`/api/cases/${caseId}/record`)).body.length;
    const res = await officer.post(`/api/tasks/${task.id}/complete`, { error: { code: 'notCarriedOut', message: '当事人不在场' } });
    expect(res.status, JSON.stringify(res.body)).to.equal(422);
    expect(JSON.stringify(res.body)).to.include('请先在本环节上传音像记录文件');
    expect((await openTask(s, caseId, 'onSite')).id).to.equal(task.id);
    expect((await s.api.get(`/api/cases/${caseId}/record`)).body.length).to.equal(before);

    await uploadRecording(s, officer, caseId, 'onSite', recording);
    await completeTask(s, officer, caseId, 'onSite', onSite);
    expect((await verify()).ok).to.equal(true);
  });

  it('an upload from the task page for a step already done is refused: evidence is linked only to open steps', async () => {
    const done = (await db()('tasks').where({ instance_id: caseId, element_id: 'onSite' }).first()) as { id: string };
    const web = await webLogin(s.base, 'officer1', 'demo');
    const form = new FormData();
    form.append('description', '补拍的录像');
    form.append('file', new Blob([new TextEncoder().encode('late recording')]), '补拍.mp4');
    const res = await fetch(`${s.base}/tasks/${done.id}/evidence?_csrf=${encodeURIComponent(web.csrf)}`, { method: 'POST', body: form, headers: { cookie: web.cookie }, redirect: 'manual' });
    expect(res.status).to.equal(303);
    expect(decodeURIComponent(res.headers.get('location') ?? '')).to.include('evidenceError=任务「现场实施查封、扣押」已办结');
    expect(await db()('evidence').where({ case_id: caseId })).to.have.length(1);
  });

  it('names an evidence row whose annotation, step or uploader was changed in the database', async () => {
    const ev = await db()('evidence').where({ case_id: caseId }).first();
    for (const [column, value] of [['description', '与现场无关的录像'], ['task_id', null], ['uploaded_by', 'officer2'], ['summary', '当事人拒绝签字'], ['corrects', ev.id]] as const) {
      await whileTampered('evidence', () => db()('evidence').where({ id: ev.id }).update({ [column]: value }), () => db()('evidence').where({ id: ev.id }).update({ [column]: ev[column] }), async () => {
        const result = await verify();
        expect(result.ok, column).to.equal(false);
        expect(result.firstProblem, column).to.deep.include({ what: 'evidence', ref: '音像记录 No. 1' });
      });
      expect((await verify()).ok, `${column} restored`).to.equal(true);
    }
  });

  it('names a rendered document that was deleted or retitled in the database', async () => {
    const doc = await db()('documents').where({ case_id: caseId }).orderBy('id').first();
    await whileTampered('documents', () => db()('documents').where({ id: doc.id }).update({ title: '不予查封决定书' }), () => db()('documents').where({ id: doc.id }).update({ title: doc.title }), async () => {
      expect((await verify()).firstProblem).to.deep.include({ what: 'document', ref: String(doc.id) });
    });
    expect((await verify()).ok).to.equal(true);

    await whileTampered('documents', () => db()('documents').where({ id: doc.id }).delete(), () => db()('documents').insert(doc), async () => {
      const result = await verify();
      expect(result.ok).to.equal(false);
      expect(result.firstProblem).to.deep.include({ what: 'document', ref: String(doc.id) });
    });
    expect((await verify()).ok).to.equal(true);
  });

  it('a case file whose evidence or document was swapped, with the manifest rewritten and resealed, fails: files are tied to the chain', async () => {
    const archive = await exported();
    expect((await verifyArchive(Readable.from([archive]))).ok).to.equal(true);

    const spliced = Buffer.from('mp4: 剪接后的录像');
    const swapped = await rewrite(archive, (name) => (name.startsWith('evidence/') ? spliced : null));
    let result = await verifyArchive(Readable.from([swapped]));
    expect(result.ok).to.equal(false);
    expect(result.problems[0]).to.deep.include({ what: 'file' });
    expect(result.problems[0]!.message).to.include('音像记录 No. 1');

    const dropped = await rewrite(archive, (name) => (name.startsWith('evidence/') ? 'drop' : null));
    result = await verifyArchive(Readable.from([dropped]));
    expect(result.ok).to.equal(false);
    expect(result.problems[0]!.message).to.include('音像记录 No. 1');

    const forgedDoc = await rewrite(archive, (name, body) => (name.startsWith('documents/') ? Buffer.from(body.toString('utf8').replace('扣押', '查封')) : null));
    result = await verifyArchive(Readable.from([forgedDoc]));
    expect(result.ok).to.equal(false);
    expect(result.problems[0]).to.deep.include({ what: 'file' });

    const forgedTimeline = await rewrite(archive, (name, body) => (name === 'timeline.txt' ? Buffer.from(body.toString('utf8').replace('officer1', 'officer2')) : null));
    result = await verifyArchive(Readable.from([forgedTimeline]));
    expect(result.ok).to.equal(false);
    expect(result.problems[0]).to.deep.include({ what: 'file', ref: 'timeline.txt' });
  });

  it('downloading an evidence file gone from the store answers 404 and the server keeps serving', async () => {
    const ev = await db()('evidence').where({ case_id: caseId }).first();
    const file = path.join(evidenceDir, ev.sha256.slice(0, 2), ev.sha256);
    const kept = fs.readFileSync(file);
    fs.chmodSync(file, 0o644);
    fs.rmSync(file);
    try {
      const res = await officer.get(`/api/evidence/${ev.id}/file`);
      expect(res.status).to.equal(404);
      expect((await view(s, caseId)).id).to.equal(caseId);
    } finally {
      fs.writeFileSync(file, kept);
    }
    expect((await officer.get(`/api/evidence/${ev.id}/file`)).body).to.equal(recording.toString('utf8'));
  });

  it('a gated step that the diagram lets end by a BPMN error still needs its recording: the error path is no back door', async () => {
    // A later version of the seizure diagram in which the on-site step may end "not carried out".
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs-coercion-error" targetNamespace="http://zhifa.local/test">
  <error id="Err_not_done" name="未实施" errorCode="NOT_CARRIED_OUT" />
  <process id="coercion" name="查封、扣押（测试）" isExecutable="true">
    <startEvent id="start" />
    <sequenceFlow id="f1" sourceRef="start" targetRef="onSite" />
    <userTask id="onSite" name="现场实施查封、扣押" camunda:candidateGroups="officers" />
    <boundaryEvent id="notDone" attachedToRef="onSite"><errorEventDefinition errorRef="Err_not_done" /></boundaryEvent>
    <sequenceFlow id="f2" sourceRef="onSite" targetRef="end" />
    <sequenceFlow id="f3" sourceRef="notDone" targetRef="endNotDone" />
    <endEvent id="end" />
    <endEvent id="endNotDone" />
  </process>
</definitions>`;
    expect((await s.api.post('/api/definitions', xml, 'application/xml')).status).to.be.oneOf([200, 201]);
    const id = await startInstance(s, 'coercion', { party: '泸溪县某冶炼厂', emergency: false });
    const task = await openTask(s, id, 'onSite');
    const res = await officer.post(`/api/tasks/${task.id}/complete`, { error: { code: 'NOT_CARRIED_OUT', message: '当事人拒不到场' } });
    expect(res.status, JSON.stringify(res.body)).to.equal(422);
    expect(res.body.errors[0].message).to.include('请先在本环节上传音像记录文件');
    expect((await view(s, id)).status).to.equal('running');
    expect((await openTask(s, id, 'onSite')).id).to.equal(task.id);

    await uploadRecording(s, officer, id, 'onSite');
    expect((await officer.post(`/api/tasks/${task.id}/complete`, { error: { code: 'NOT_CARRIED_OUT', message: '当事人拒不到场' } })).status).to.equal(204);
    expect((await view(s, id)).status).to.equal('completed');
  });

  /** The archive with some files replaced or dropped, its manifest rewritten to match and resealed: what a forger who knows the format would make. */
  async function rewrite(archive: Buffer, change: (name: string, body: Buffer) => Buffer | 'drop' | null): Promise<Buffer> {
    const files: Array<{ name: string; body: Buffer }> = [];
    const extract = tar.extract();
    Readable.from([archive]).pipe(extract);
    for await (const entry of extract) {
      const chunks: Buffer[] = [];
      for await (const c of entry as AsyncIterable<Buffer>) chunks.push(c);
      files.push({ name: entry.header.name, body: Buffer.concat(chunks) });
    }
    const manifest = JSON.parse(files.find((f) => f.name === 'manifest.json')!.body.toString('utf8')) as CaseFileManifest;
    const out: Array<{ name: string; body: Buffer }> = [];
    for (const f of files.filter((x) => x.name !== 'manifest.json')) {
      const changed = change(f.name, f.body);
      if (changed === 'drop') {
        manifest.files = manifest.files.filter((m) => m.path !== f.name);
        continue;
      }
      const body = changed ?? f.body;
      const listed = manifest.files.find((m) => m.path === f.name)!;
      listed.sha256 = createHash('sha256').update(body).digest('hex');
      listed.size = body.length;
      out.push({ name: f.name, body });
    }
    manifest.seal = sealOf(manifest);
    const pack = tar.pack();
    const chunks: Buffer[] = [];
    pack.on('data', (c) => chunks.push(c as Buffer));
    const done = new Promise<void>((resolve) => pack.on('end', () => resolve()));
    pack.entry({ name: 'manifest.json' }, Buffer.from(JSON.stringify(manifest, null, 2)));
    for (const f of out) pack.entry({ name: f.name }, f.body);
    pack.finalize();
    await done;
    return Buffer.concat(chunks);
  }
});
