import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { expect } from 'chai';
import { EvidenceFiles } from '../../../src/evidence/file-store.ts';
import { verifyArchive } from '../../../src/record/verify-archive.ts';
import { verifyCases, verifyCommand } from '../../../src/record/cli.ts';
import { media, uploadRecording } from '../../helpers/evidence.ts';
import { completeTask, startInstance, view } from '../../helpers/fixtures.ts';
import { ApiClient, ROOT, startServer, type TestServer } from '../../helpers/server.ts';
import { whileTampered as whileTamperedWith } from '../../helpers/tamper.ts';
import { seizureReviewPassed } from '../../helpers/coercion-case.ts';

type View = Awaited<ReturnType<typeof view>>;

/** The whole-process record of a case: hash-chained, verifiable, exported as one case file. */
describe('Feature: the case record (执法全过程记录)', () => {
  let s: TestServer;
  let officer: ApiClient;
  let head: ApiClient;
  let caseId: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhifa-record-'));
  const evidenceDir = path.join(dir, 'evidence');
  const recording = media.mp4('the whole seizure on site, filmed by 执法记录仪 No. 3');

  const setClock = async (iso: string) => (await s.api.post('/api/dev/clock', { set: iso })).body;
  const complete = (who: ApiClient, id: string, elementId: string, variables: Record<string, unknown>) => completeTask(s, who, id, elementId, variables);
  const publishing = async (v: View, title: string): Promise<string> => {
    for (const c of v.children.filter((c: { processKey: string; status: string }) => c.processKey === 'publication' && c.status === 'running')) {
      if ((await view(s, c.id)).variables.decisionTitle === title) return c.id;
    }
    throw new Error(`no running publication of ${title}`);
  };
  const verify = async () => (await s.api.get(`/api/cases/${caseId}/record/verify`)).body;
  const db = () => s.zhifa.db;
  const whileTampered = (table: string, change: () => Promise<unknown>, restore: () => Promise<unknown>, look: () => Promise<void>) => whileTamperedWith(db(), table, change, restore, look);

  before(async function () {
    this.timeout(60_000);
    s = await startServer({ label: 'case-record', processesDir: path.join(ROOT, 'processes'), env: { ZHIFA_EVIDENCE_DIR: evidenceDir } });
    officer = await ApiClient.login(s.base, 'officer1', 'demo');
    head = await ApiClient.login(s.base, 'head1', 'demo');
    // A seizure from approval to release at expiry, with both publications: two called processes, timers, a clock, documents, a recording.
    await setClock('2026-03-02T01:00:00Z');
    caseId = await startInstance(s, 'coercion', { party: '泸溪县某冶炼厂', emergency: false });
    await seizureReviewPassed(s, caseId);
    await complete(head, caseId, 'priorApproval', { approved: true, approvalOpinion: '同意实施' });
    await uploadRecording(s, officer, caseId, 'onSite', recording);
    await complete(officer, caseId, 'onSite', {
      officers: ['officer1', 'officer2'], certificatesShown: true, measure: '扣押', party: '某化工有限公司', seizureObjects: '暗管排污用水泵 2 台', seizureItems: [{ name: '暗管排污用水泵', quantity: '2 台', condition: '外观完好' }],
      seizureReason: '通过暗管逃避监管排放污染物', legalBasis: '《中华人民共和国环境保护法》第二十五条', partyNotified: true, partyPresent: true,
      reasonsAndRightsStated: true, statementHeard: '无', recordNo: '现场笔录〔2026〕7号', recordSignature: '当事人和执法人员签名或盖章',
      inventoryNo: '清单〔2026〕3号', documentsHandedOver: true, testingNeeded: false,
    });
    const reviewOk = { publicationExcluded: false, fieldsConfirmed: true, redactionChecked: true };
    await setClock('2026-03-20T02:00:00Z');
    await complete(officer, await publishing(await view(s, caseId), '查封、扣押决定书'), 'review', reviewOk);
    await setClock('2026-04-01T16:00:00Z'); // the seizure period ends: released at expiry
    await complete(officer, caseId, 'expiryRelease', { releaseReason: '查封、扣押期限届满', releaseDecisionNo: '湘西环封扣解〔2026〕1号', itemsReturned: '水泵 2 台已当场退还', returnedOn: '2026-04-02', returnedBy: ['officer1', 'officer2'], returnSignature: '当事人签收' });
    await complete(officer, await publishing(await view(s, caseId), '解除查封、扣押决定书'), 'review', reviewOk);
    expect((await view(s, caseId)).status).to.equal('completed');
  });
  after(async () => {
    await s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('chains every entry of a long case (the case and the processes it called) and verifies it: who, when, from which address', async () => {
    const record = (await s.api.get(`/api/cases/${caseId}/record`)).body as Array<{ seq: number; instanceId: string; actor: string | null; address: string | null; kind: string; prevHash: string | null; hash: string }>;
    expect(record.length).to.be.greaterThan(60);
    expect(record.map((e) => e.seq)).to.deep.equal(record.map((_, i) => i + 1));
    record.forEach((e, i) => expect(e.prevHash).to.equal(i ? record[i - 1]!.hash : null));
    expect(new Set(record.map((e) => e.instanceId)).size, 'the seizure\'s legal review and the publications belong to the case').to.equal(4);
    expect(record.map((e) => e.kind)).to.include.members(['instance.started', 'task.completed', 'evidence.added', 'document.issued', 'clock.start', 'timer.fired', 'publication.published', 'call.returned']);
    const onSite = record.find((e) => e.kind === 'task.completed' && e.actor === 'officer1')!;
    expect(onSite.address).to.match(/127\.0\.0\.1$/);
    expect(record.find((e) => e.kind === 'timer.fired')!.address, 'the scheduler has no address').to.equal(null);

    const result = await verify();
    expect(result).to.include({ ok: true, caseId, entries: record.length, files: 1, firstProblem: null });
    expect(result.documents, 'the seizure decision, its inventory, the release decision').to.be.at.least(3);
    expect(result.head).to.equal(record.at(-1)!.hash);
    const lines: string[] = [];
    expect(await verifyCases(db(), new EvidenceFiles(evidenceDir, 1e9), caseId, (l) => lines.push(l), (l) => lines.push(l))).to.equal(0);
    expect(lines[0]).to.include(`case ${caseId}: ${record.length} entries, 1 files`);
  });

  it('names a row changed directly in the database, then a deleted row, then an evidence file altered on disk', async () => {
    const row = await db()('history').where({ case_id: caseId, seq: 5 }).first();
    await whileTampered('history', () => db()('history').where({ id: row.id }).update({ actor: 'someone-else' }), () => db()('history').where({ id: row.id }).update({ actor: row.actor }), async () => {
      const result = await verify();
      expect(result.ok).to.equal(false);
      expect(result.firstProblem).to.deep.equal({ what: 'entry', ref: '5', message: `记录第 5 条（${row.kind}）的内容与其哈希不符，已被改动` });
    });
    expect((await verify()).ok).to.equal(true);

    const deleted = await db()('history').where({ case_id: caseId, seq: 9 }).first();
    await whileTampered('history', () => db()('history').where({ id: deleted.id }).delete(), () => db()('history').insert(deleted), async () => {
      expect((await verify()).firstProblem).to.deep.include({ what: 'entry', ref: '9', message: '记录第 9 条已被删除（其后是第 10 条）' });
    });
    expect((await verify()).ok).to.equal(true);

    const ev = await db()('evidence').where({ case_id: caseId }).first();
    const file = path.join(evidenceDir, ev.sha256.slice(0, 2), ev.sha256);
    fs.chmodSync(file, 0o644);
    fs.writeFileSync(file, Buffer.concat([recording.subarray(0, 10), Buffer.from('X'), recording.subarray(11)]));
    try {
      const result = await verify();
      expect(result.firstProblem.what).to.equal('file');
      expect(result.firstProblem.message).to.match(/^证据文件「音像记录 No. 1」（onSite\.mp4）已被改动：现在的 SHA-256 为 [0-9a-f]{64}，登记时为 [0-9a-f]{64}$/);
      const lines: string[] = [];
      expect(await verifyCases(db(), new EvidenceFiles(evidenceDir, 1e9), caseId, (l) => lines.push(l), (l) => lines.push(l)), 'the CLI exits non-zero').to.equal(1);
      expect(lines[0]).to.include('证据文件「音像记录 No. 1」').and.include('已被改动');
    } finally {
      fs.writeFileSync(file, recording);
    }
    expect((await verify()).ok).to.equal(true);
  });

  it('exports the case file: one archive whose manifest, timeline, documents and evidence verify offline, and which fails after one byte is changed', async () => {
    const res = await fetch(`${s.base}/api/cases/${caseId}/export`, { headers: { authorization: `Bearer ${s.api.token}` } });
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.include('application/x-tar');
    const archive = Buffer.from(await res.arrayBuffer());
    const ok = await verifyArchive(Readable.from([archive]));
    expect(ok).to.include({ ok: true, caseId });
    expect(ok.entries).to.be.greaterThan(60);
    expect(ok.files, 'timeline, documents and the recording').to.be.greaterThan(4);
    const file = path.join(dir, 'case.tar');
    fs.writeFileSync(file, archive);
    const out: string[] = [];
    expect(await verifyCommand(s.zhifa.config, ['--archive', file], (l) => out.push(l), (l) => out.push(l))).to.equal(0);
    expect(out[0]).to.include(`case ${caseId}`);

    const at = archive.indexOf(recording);
    expect(at).to.be.greaterThan(0);
    const changed = Buffer.from(archive);
    changed[at + 5] ^= 1;
    const bad = await verifyArchive(Readable.from([changed]));
    expect(bad.ok).to.equal(false);
    expect(bad.problems).to.have.length(1);
    expect(bad.problems[0]).to.include({ what: 'file' });
    expect(bad.problems[0]!.message).to.match(/^文件「evidence\/\d+-[0-9a-f]{12}\.mp4」（音像记录 No\. 1 onSite\.mp4）已被改动/);
    fs.writeFileSync(file, changed);
    out.length = 0;
    expect(await verifyCommand(s.zhifa.config, ['--archive', file], (l) => out.push(l), (l) => out.push(l))).to.equal(1);
    expect(out[0]).to.include('音像记录 No. 1');

    const manifestAt = archive.indexOf(Buffer.from('"actor": "officer1"'));
    const forged = Buffer.from(archive);
    forged[manifestAt + 10] = 'O'.charCodeAt(0); // "officer1" → "Officer1"
    const forgedResult = await verifyArchive(Readable.from([forged]));
    expect(forgedResult.ok).to.equal(false);
    expect(forgedResult.problems.map((p) => p.what)).to.include.members(['manifest', 'entry']);
  });

  it('answers the supervision statistics: cases by procedure and outcome, timeliness of the statutory clocks, publications on time', async () => {
    const res = await s.api.get('/api/statistics?from=2026-01-01&to=2026-12-31');
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body.cases).to.deep.equal([{ procedure: 'coercion', outcome: '已解除查封、扣押', cases: 1 }]);
    expect(res.body.timeliness).to.deep.include({ procedure: 'coercion', clock: 'seizure', clockLabel: '查封、扣押期限', onTime: 1, late: 0, open: 0, openOverdue: 0 });
    expect(res.body.publications).to.deep.equal([{ kind: 'other', onTime: 2, late: 0 }]);
    expect(res.body.reviewOpinions, 'the seizure was reviewed before it was approved').to.deep.equal({ agree: 1, problems: 0, proceedByCoordination: 0, proceedByCollectiveDiscussion: 0 });
    expect((await s.api.get('/api/statistics?from=2027-01-01&to=2027-12-31')).body.cases).to.deep.equal([]);
    expect((await s.api.get('/api/statistics?from=2026-13-01&to=2026-12-31')).status).to.equal(400);
    expect((await officer.get('/api/statistics?from=2026-01-01&to=2026-12-31')).status, 'managers and administrators only').to.equal(403);
  });
});
