import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { EvidenceFiles } from '../../../src/evidence/file-store.ts';
import { verifyCases } from '../../../src/record/cli.ts';
import { NO_RECORD_KEY } from '../../../src/record/verify-anchors.ts';
import { uploadRecording } from '../../helpers/evidence.ts';
import { completeTask, view } from '../../helpers/fixtures.ts';
import { ApiClient, ROOT, startServer, type TestServer } from '../../helpers/server.ts';
import { tamper } from '../../helpers/tamper.ts';
import { webLogin, type WebSession } from '../../helpers/web.ts';
import { seizureReviewPassed } from '../../helpers/coercion-case.ts';

/**
 * The case knows its own record (entry count and head hash, written with each append): a record
 * emptied or cut short no longer verifies, even though the chain that is left is sound. No record
 * key here: this check needs none.
 */
describe('Feature: a case record emptied or cut short does not verify', () => {
  let s: TestServer;
  let officer: ApiClient;
  let headOfUnit: ApiClient;
  let page: WebSession;
  const evidenceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhifa-emptied-'));
  const db = () => s.zhifa.db;
  const verify = async (id: string) => (await s.api.get(`/api/cases/${id}/record/verify`)).body;
  const cli = async (id: string) => {
    const lines: string[] = [];
    const code = await verifyCases(db(), new EvidenceFiles(s.zhifa.config.evidenceDir, 1e9), id, (l) => lines.push(l), (l) => lines.push(l));
    return { code, line: lines[0] ?? '' };
  };
  const count = async (table: string, where: Record<string, string>) => Number((await db()(table).where(where).count({ n: '*' }).first())!.n);
  /** A seizure case approved by the head of unit, waiting on site: a handful of entries, an open task. */
  const newCase = async () => {
    const res = await officer.post('/api/instances', { processKey: 'coercion', variables: { party: '某化工有限公司', emergency: false } });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    await seizureReviewPassed(s, res.body.id);
    await completeTask(s, headOfUnit, res.body.id, 'priorApproval', { approved: true, approvalOpinion: '同意实施' });
    return res.body.id as string;
  };

  before(async function () {
    this.timeout(60_000);
    s = await startServer({ label: 'record-emptied', processesDir: path.join(ROOT, 'processes'), env: { ZHIFA_EVIDENCE_DIR: evidenceDir } });
    officer = await ApiClient.login(s.base, 'officer1', 'demo');
    headOfUnit = await ApiClient.login(s.base, 'head1', 'demo');
    page = await webLogin(s.base, 'officer1', 'demo');
  });
  after(async () => {
    await s?.close();
    fs.rmSync(evidenceDir, { recursive: true, force: true });
  });

  it('an untouched case verifies, and says that without a record key the anchors were not checked (API, CLI, page)', async () => {
    const id = await newCase();
    const n = await count('history', { case_id: id });
    expect(await db()('instances').where({ id }).first('record_entries', 'record_head')).to.deep.equal({ record_entries: n, record_head: (await db()('history').where({ case_id: id, seq: n }).first()).hash });
    const result = await verify(id);
    expect(result).to.include({ ok: true, entries: n, notice: NO_RECORD_KEY });
    expect((await cli(id)).line).to.include(`${n} entries`).and.include(NO_RECORD_KEY);
    const html = (await page.get(`/cases/${id}/record/verify`)).text;
    expect(html).to.include('data-testid="verify-ok"').and.include(`data-testid="verify-notice">${NO_RECORD_KEY}`);
  });

  it('a case whose whole record was deleted, its instance, tasks and jobs still there, fails on the API, the CLI and the page', async () => {
    const id = await newCase();
    const n = await count('history', { case_id: id });
    const tasks = await count('tasks', { instance_id: id });
    await tamper(db(), 'history', () => db()('history').where({ case_id: id }).delete());
    expect(await count('history', { case_id: id })).to.equal(0);
    expect((await view(s, id)).status, 'the case itself is untouched').to.equal('running');
    expect(await count('tasks', { instance_id: id })).to.equal(tasks).and.be.greaterThan(0);

    const message = `案件的全过程记录为空：案件仍在，但记录没有任何条目（案件登记共 ${n} 条，已全部被删除）`;
    const result = await verify(id);
    expect(result).to.include({ ok: false, entries: 0 });
    expect(result.firstProblem).to.deep.equal({ what: 'case', ref: id, message });
    // The seizure's legal review issued its opinion before the approval: that document has lost its entry too.
    expect(result.problems.map((p: { what: string }) => p.what)).to.deep.equal(['case', 'document']);
    expect(await cli(id)).to.deep.equal({ code: 1, line: `case ${id}: ${message}（另有 1 处问题）` });
    const html = (await page.get(`/cases/${id}/record/verify`)).text;
    expect(html).to.include('data-testid="verify-failed"').and.include(`<strong data-testid="verify-problem">${message}</strong>`);

    // Registering "no entries" on the case as well does not help: a case always has its start entry.
    await db()('instances').where({ id }).update({ record_entries: 0, record_head: null });
    expect((await verify(id)).firstProblem).to.deep.equal({ what: 'case', ref: id, message: '案件的全过程记录为空：案件仍在，但记录没有任何条目' });
  });

  it('a case whose newest entries were deleted fails, and a later command does not hide the gap: it follows the registered head', async () => {
    const id = await newCase();
    const n = await count('history', { case_id: id });
    await tamper(db(), 'history', () => db()('history').where({ case_id: id }).andWhere('seq', '>', n - 3).delete());
    const result = await verify(id);
    expect(result).to.include({ ok: false, entries: n - 3 });
    expect(result.problems).to.deep.equal([{ what: 'case', ref: String(n - 2), message: `记录末尾的第 ${n - 2}–${n} 条已被删除：案件登记共 ${n} 条，现存 ${n - 3} 条` }]);
    expect((await cli(id)).line).to.equal(`case ${id}: 记录末尾的第 ${n - 2}–${n} 条已被删除：案件登记共 ${n} 条，现存 ${n - 3} 条`);

    await uploadRecording(s, officer, id, 'onSite'); // the application appends again
    const after = await db()('history').where({ case_id: id }).orderBy('seq');
    expect(after.at(-1).seq, 'numbered after the registered head').to.equal(n + 1);
    expect((await verify(id)).firstProblem).to.deep.equal({ what: 'entry', ref: String(n - 2), message: `记录第 ${n - 2}–${n} 条已被删除（其后是第 ${n + 1} 条）` });
  });

  it('verifying every case also reports a case deleted whole: its instance gone, a trace left in the checkpoints', async () => {
    const gone = '00000000-0000-4000-8000-00000000dead';
    await db()('record_checkpoints').insert({ case_id: gone, day: '2026-03-01', entries: 7, head: 'a'.repeat(64), mac: 'b'.repeat(64), made_at: 0 });
    const lines: string[] = [];
    const code = await verifyCases(db(), new EvidenceFiles(s.zhifa.config.evidenceDir, 1e9), undefined, () => {}, (l) => lines.push(l));
    expect(code).to.equal(1);
    expect(lines).to.include(`case ${gone}: 案件 ${gone} 不存在`);
  });

  it('entries added behind the application’s back, beyond the head the case registered, fail too', async () => {
    const id = await newCase();
    const n = await count('history', { case_id: id });
    const last = await db()('history').where({ case_id: id, seq: n }).first();
    const { id: _id, ...copy } = last;
    await db()('history').insert({ ...copy, seq: n + 1, prev_hash: last.hash });
    expect((await verify(id)).problems.map((p: { message: string }) => p.message)).to.include(`记录有 ${n + 1} 条，多于案件登记的 ${n} 条：第 ${n + 1} 条起不是经本系统写入的`);
  });
});
