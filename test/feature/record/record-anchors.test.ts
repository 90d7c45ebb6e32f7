import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { loadConfig, ConfigError } from '../../../src/config.ts';
import { EvidenceFiles } from '../../../src/evidence/file-store.ts';
import { verifyCases } from '../../../src/record/cli.ts';
import { signUnsignedRecords } from '../../../src/record/sign-records.ts';
import { bindRecordKey } from '../../../src/store/record-context.ts';
import { uploadRecording } from '../../helpers/evidence.ts';
import { completeTask } from '../../helpers/fixtures.ts';
import { ApiClient, ROOT, startServer, type TestServer } from '../../helpers/server.ts';
import { rechain, tamper } from '../../helpers/tamper.ts';
import { seizureReviewPassed } from '../../helpers/coercion-case.ts';

const KEY = 'test-record-key-0123456789abcdef-0123456789';

/**
 * The chain anchored outside the rows it protects: the case head signed with ZHIFA_RECORD_KEY at
 * each append, and a signed daily checkpoint of every case's head. Someone with the database
 * owner's rights but not the key can remove entries and recompute every hash, but not sign the result.
 */
describe('Feature: a re-chained or truncated record fails against its signed anchors', () => {
  let s: TestServer;
  let officer: ApiClient;
  let headOfUnit: ApiClient;
  const evidenceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhifa-anchors-'));
  const db = () => s.zhifa.db;
  const verify = async (id: string) => (await s.api.get(`/api/cases/${id}/record/verify`)).body;
  const messages = async (id: string) => (await verify(id)).problems.map((p: { what: string; message: string }) => `${p.what}: ${p.message}`) as string[];
  const entries = async (id: string) => Number((await db()('history').where({ case_id: id }).count({ n: '*' }).first())!.n);
  const checkpoints = (id: string) => db()('record_checkpoints').where({ case_id: id }).orderBy('day');
  const newCase = async () => {
    const res = await officer.post('/api/instances', { processKey: 'coercion', variables: { party: '某化工有限公司', emergency: false } });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    await seizureReviewPassed(s, res.body.id);
    await completeTask(s, headOfUnit, res.body.id, 'priorApproval', { approved: true, approvalOpinion: '同意实施' });
    return res.body.id as string;
  };
  const nextDay = () => s.clock.advance(24 * 3_600_000);

  before(async function () {
    this.timeout(60_000);
    s = await startServer({ label: 'record-anchors', processesDir: path.join(ROOT, 'processes'), env: { ZHIFA_RECORD_KEY: KEY, ZHIFA_EVIDENCE_DIR: evidenceDir } });
    officer = await ApiClient.login(s.base, 'officer1', 'demo');
    headOfUnit = await ApiClient.login(s.base, 'head1', 'demo');
  });
  after(async () => {
    bindRecordKey(db(), KEY);
    await s?.close();
    fs.rmSync(evidenceDir, { recursive: true, force: true });
  });

  it('with the right key an untouched case verifies, its head and checkpoint signed; under another key it does not', async () => {
    const id = await newCase();
    expect((await s.zhifa.checkpoint()).refused).to.deep.equal([]);
    expect(await checkpoints(id)).to.have.length(1);
    expect(await verify(id)).to.include({ ok: true, notice: null, entries: await entries(id) });
    bindRecordKey(db(), 'another-key-of-at-least-32-characters!!');
    try {
      const result = await verify(id);
      expect(result.ok).to.equal(false);
      expect(result.problems.map((p: { message: string }) => p.message)).to.deep.equal([
        `案件登记的记录末条（共 ${result.entries} 条）与其密钥签名（HMAC）不符：记录或其登记被改写，或记录密钥不对`,
        `${(await checkpoints(id))[0].day} 的检查点（共 ${result.entries} 条）与其密钥签名（HMAC）不符：检查点被改动，或记录密钥不对`,
      ]);
    } finally {
      bindRecordKey(db(), KEY);
    }
  });

  it('a record re-chained after entries were removed (hashes recomputed, count and head registered again) fails naming the HMAC and the checkpoint', async () => {
    const id = await newCase();
    await s.zhifa.checkpoint();
    const [checkpoint] = await checkpoints(id);
    const n = await entries(id);
    expect(checkpoint).to.include({ entries: n });
    await tamper(db(), 'history', () => db()('history').where({ case_id: id, seq: 2 }).delete());
    await rechain(db(), id);

    // The chain itself and the case's registered count and head are now consistent: without the key nothing shows.
    bindRecordKey(db(), null);
    try {
      expect(await verify(id)).to.include({ ok: false });
      expect(await messages(id), 'only the unkeyed checkpoint comparison').to.deep.equal([
        `anchor: 记录与 ${checkpoint.day} 的检查点不符：检查点载明记录当时已有 ${n} 条，现在没有第 ${n} 条`,
      ]);
    } finally {
      bindRecordKey(db(), KEY);
    }
    expect(await messages(id)).to.deep.equal([
      `anchor: 案件登记的记录末条（共 ${n - 1} 条）与其密钥签名（HMAC）不符：记录或其登记被改写，或记录密钥不对`,
      `anchor: 记录与 ${checkpoint.day} 的检查点不符：检查点载明记录当时已有 ${n} 条，现在没有第 ${n} 条`,
    ]);
    const lines: string[] = [];
    expect(await verifyCases(db(), new EvidenceFiles(s.zhifa.config.evidenceDir, 1e9), id, (l) => lines.push(l), (l) => lines.push(l))).to.equal(1);
    expect(lines).to.deep.equal([`case ${id}: 案件登记的记录末条（共 ${n - 1} 条）与其密钥签名（HMAC）不符：记录或其登记被改写，或记录密钥不对（另有 1 处问题）`]);
  });

  it('a record cut back to an earlier day, with the case row of that day put back (its signed head, as from a backup), fails on the later checkpoint', async () => {
    const id = await newCase();
    await s.zhifa.checkpoint();
    const earlier = await db()('instances').where({ id }).first('record_entries', 'record_head', 'record_mac');
    nextDay();
    await uploadRecording(s, officer, id, 'onSite');
    await s.zhifa.checkpoint();
    const later = (await checkpoints(id)).at(-1);
    expect(later.entries).to.be.greaterThan(earlier.record_entries);

    await tamper(db(), 'history', () => db()('history').where({ case_id: id }).andWhere('seq', '>', earlier.record_entries).delete());
    await db()('instances').where({ id }).update(earlier);
    expect(await messages(id)).to.deep.equal([
      `anchor: 记录与 ${later.day} 的检查点不符：检查点载明记录当时已有 ${later.entries} 条，现在没有第 ${later.entries} 条`,
      'evidence: 证据「音像记录 No. 1」（onSite.mp4）在案件记录中没有登记记录',
    ]);
  });

  it('the daily checkpoint: once per case and day however many processes run it, nothing for an unchanged case, a record that does not verify never signed', async () => {
    const [a, b] = [await newCase(), await newCase()];
    nextDay();
    const runs = await Promise.all([s.zhifa.checkpoint(), s.zhifa.checkpoint()]);
    expect(runs[0].written + runs[1].written, 'every case moved since its last checkpoint, once').to.be.at.least(2);
    expect((await checkpoints(a)).map((c) => c.day)).to.deep.equal([runs[0].day]);
    expect(await checkpoints(b)).to.have.length(1);
    expect((await s.zhifa.checkpoint()).written, 'the same day again').to.equal(0);

    nextDay();
    expect((await s.zhifa.checkpoint()).written, 'nothing moved').to.equal(0);
    await uploadRecording(s, officer, a, 'onSite');
    await tamper(db(), 'history', () => db()('history').where({ case_id: b }).andWhere('seq', '>', 2).delete());
    await rechain(db(), b);
    await uploadRecording(s, officer, b, 'onSite'); // b moves on, but from a re-chained head
    const run = await s.zhifa.checkpoint();
    expect(run.written).to.equal(1);
    expect(run.refused.filter((r) => r.caseId === a || r.caseId === b), 'the application extending a rewritten head did not sign it').to.deep.equal([
      { caseId: b, problem: `案件登记的记录末条（共 ${await entries(b)} 条）与其密钥签名（HMAC）不符：记录或其登记被改写，或记录密钥不对` },
    ]);
    expect(await checkpoints(a)).to.have.length(2);
    expect(await checkpoints(b), 'the re-chained record is not signed').to.have.length(1);
  });

  it('heads written without the key are reported unsigned until `zhifa sign-records`, which signs only a record that verifies', async () => {
    bindRecordKey(db(), null);
    let good: string;
    let bad: string;
    try {
      [good, bad] = [await newCase(), await newCase()];
    } finally {
      bindRecordKey(db(), KEY);
    }
    expect(await db()('instances').whereIn('id', [good, bad]).whereNotNull('record_mac').count({ n: '*' }).first().then((r) => Number(r!.n))).to.equal(0);
    expect(await messages(good)).to.deep.equal(['anchor: 案件登记的记录末条没有密钥签名（HMAC）：写入时未配置记录密钥，请由管理员运行 zhifa sign-records 核验后签名']);
    expect((await s.zhifa.checkpoint()).refused.map((r) => r.caseId), 'the daily checkpoint never signs an unsigned head').to.include.members([good, bad]);

    const row = await db()('history').where({ case_id: bad, seq: 1 }).first();
    await tamper(db(), 'history', () => db()('history').where({ id: row.id }).update({ actor: 'someone-else' }));
    const result = await signUnsignedRecords(db());
    expect(result.signed).to.deep.equal([good]);
    expect(result.refused).to.deep.equal([{ caseId: bad, problem: `记录第 1 条（instance.started）的内容与其哈希不符，已被改动` }]);
    expect(await verify(good)).to.include({ ok: true });
    expect((await verify(bad)).ok).to.equal(false);
  });

  it('production requires a record key of at least 32 characters', () => {
    const base = { NODE_ENV: 'production', ZHIFA_ADMIN_PASSWORD: 'x' };
    expect(() => loadConfig(base, ROOT)).to.throw(ConfigError, 'ZHIFA_RECORD_KEY must be set when NODE_ENV=production');
    expect(() => loadConfig({ ...base, ZHIFA_RECORD_KEY: 'short' }, ROOT)).to.throw(ConfigError, 'at least 32 characters');
    expect(loadConfig({ ...base, ZHIFA_RECORD_KEY: KEY }, ROOT).recordKey).to.equal(KEY);
    expect(loadConfig({ NODE_ENV: 'development' }, ROOT).recordKey).to.equal(null);
  });
});
