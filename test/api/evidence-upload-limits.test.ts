import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { media, uploadEvidence } from '../helpers/evidence.ts';
import { openTask } from '../helpers/fixtures.ts';
import { ApiClient, ROOT, startServer, type TestServer } from '../helpers/server.ts';
import { webLogin, type WebSession } from '../helpers/web.ts';
import { seizureReviewPassed } from '../helpers/coercion-case.ts';

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Bytes the client had sent when the answer's head arrived. */
  sentBeforeAnswer: number;
}

/**
 * A multipart request written by hand: `head` first, then `chunk` every few milliseconds until the
 * server answers or `chunks` have gone (Infinity: a body that never ends), then `tail`.
 */
function rawUpload(base: string, p: string, headers: Record<string, string>, parts: { head: Buffer; chunk?: Buffer; chunks?: number; tail?: Buffer }): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const url = new URL(p, base);
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: 'POST', headers });
    let sent = 0;
    let answered = false;
    let timer: NodeJS.Timeout | undefined;
    const write = (b: Buffer) => {
      sent += b.length;
      req.write(b);
    };
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    req.on('response', (res) => {
      answered = true;
      const sentBeforeAnswer = sent;
      clearInterval(timer);
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode!, headers: res.headers, body, sentBeforeAnswer });
      });
      res.on('error', () => resolve({ status: res.statusCode!, headers: res.headers, body, sentBeforeAnswer }));
    });
    write(parts.head);
    let left = parts.chunks ?? 0;
    if (!parts.chunk || left === 0) {
      if (parts.tail) write(parts.tail);
      req.end();
      return;
    }
    timer = setInterval(() => {
      if (answered || req.destroyed) return clearInterval(timer);
      if (left-- <= 0) {
        clearInterval(timer);
        if (parts.tail) write(parts.tail);
        req.end();
        return;
      }
      write(parts.chunk!);
    }, 2);
  });
}

const BOUNDARY = 'zhifa-test-boundary';
const formHead = (fileName: string, description = '现场检查全程录像') =>
  Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="description"\r\n\r\n${description}\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
const formTail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);

/** Evidence uploads at the edge: size, framing, several files, texts over their limits, content unlike the name. */
describe('API and pages: evidence uploads at their limits are refused at once, leaving nothing behind', () => {
  let s: TestServer;
  let officer: ApiClient;
  let web: WebSession;
  let caseId: string;
  let taskId: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhifa-upload-limits-'));

  before(async () => {
    s = await startServer({ label: 'upload-limits', processesDir: path.join(ROOT, 'processes'), env: { ZHIFA_EVIDENCE_DIR: dir, ZHIFA_EVIDENCE_MAX_MB: '0.05' } });
    officer = await ApiClient.login(s.base, 'officer1', 'demo');
    web = await webLogin(s.base, 'officer1', 'demo');
    const head = await ApiClient.login(s.base, 'head1', 'demo');
    caseId = (await officer.post('/api/instances', { processKey: 'coercion', variables: { party: '某化工有限公司', emergency: false } })).body.id;
    await seizureReviewPassed(s, caseId);
    await head.post(`/api/tasks/${(await openTask(s, caseId, 'priorApproval')).id}/complete`, { variables: { approved: true, approvalOpinion: '同意实施' } });
    taskId = (await openTask(s, caseId, 'onSite')).id;
  });
  after(async () => {
    await s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const files = () => (fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).filter((f) => fs.statSync(path.join(dir, String(f))).isFile()) : []);
  const state = async () => ({ rows: (await s.zhifa.db('evidence').where({ case_id: caseId })).length, record: (await s.api.get(`/api/cases/${caseId}/record`)).body.length, files: files().length });
  const apiHeaders = () => ({ authorization: `Bearer ${officer.token}`, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` });

  it('answers 413 while a body that never ends is still being sent (API), closes the connection and removes the temporary file', async () => {
    const before = await state();
    const res = await rawUpload(s.base, `/api/tasks/${taskId}/evidence`, apiHeaders(), { head: Buffer.concat([formHead('长录像.mp4'), media.mp4('')]), chunk: Buffer.alloc(16 * 1024, 7), chunks: Infinity });
    expect(res.status).to.equal(413);
    expect(res.headers['content-type']).to.contain('application/problem+json');
    expect(JSON.parse(res.body).detail).to.match(/文件超过大小限制（0\.05 MB）/);
    expect(res.headers.connection).to.equal('close');
    expect(res.sentBeforeAnswer, 'answered soon after the limit, not at the end').to.be.below(1024 * 1024);
    expect(await state()).to.deep.equal(before);
  });

  it('answers at once on the task page too, with the message on the page, and keeps nothing', async () => {
    const before = await state();
    const res = await rawUpload(s.base, `/tasks/${taskId}/evidence?_csrf=${encodeURIComponent(web.csrf)}`, { cookie: web.cookie, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` }, { head: Buffer.concat([formHead('长录像.mp4'), media.mp4('')]), chunk: Buffer.alloc(16 * 1024, 7), chunks: Infinity });
    expect(res.status).to.equal(303);
    expect(decodeURIComponent(String(res.headers.location))).to.include('文件超过大小限制');
    expect(res.headers.connection).to.equal('close');
    expect(await state()).to.deep.equal(before);
  });

  it('refuses a declared length over the limit before reading the body', async () => {
    const res = await rawUpload(s.base, `/api/tasks/${taskId}/evidence`, { ...apiHeaders(), 'content-length': String(50 * 1024 * 1024) }, { head: formHead('x.mp4'), chunk: Buffer.alloc(1024), chunks: Infinity });
    expect(res.status).to.equal(413);
  });

  it('answers 400 for a form with the wrong boundary or cut short, and removes the temporary file', async () => {
    const before = await state();
    const wrong = await rawUpload(s.base, `/api/tasks/${taskId}/evidence`, { ...apiHeaders(), 'content-type': 'multipart/form-data; boundary=another-boundary' }, { head: Buffer.concat([formHead('录像.mp4'), media.mp4('content')]), tail: formTail });
    expect(wrong.status, wrong.body).to.equal(400);
    expect(JSON.parse(wrong.body).detail).to.match(/上传的表单数据不完整或格式有误/);
    const truncated = await rawUpload(s.base, `/api/tasks/${taskId}/evidence`, apiHeaders(), { head: Buffer.concat([formHead('录像.mp4'), media.mp4('content cut off before the closing boundary')]) });
    expect(truncated.status, truncated.body).to.equal(400);
    expect(JSON.parse(truncated.body).detail).to.match(/上传的表单数据不完整或格式有误/);
    expect(await state()).to.deep.equal(before);
  });

  it('refuses a second file in one upload (422) rather than ignoring it, and keeps neither', async () => {
    const before = await state();
    const second = Buffer.from(`\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="第二个.mp4"\r\nContent-Type: video/mp4\r\n\r\n`);
    const res = await rawUpload(s.base, `/api/tasks/${taskId}/evidence`, apiHeaders(), { head: Buffer.concat([formHead('第一个.mp4'), media.mp4('first'), second, media.mp4('second')]), tail: formTail });
    expect(res.status, res.body).to.equal(422);
    expect(JSON.parse(res.body).detail).to.equal('每次只能上传一个文件：请逐个上传，未保存');
    expect(await state()).to.deep.equal(before);
  });

  it('refuses, stating the limit, a description, place or speakers over their limits instead of cutting them', async () => {
    const before = await state();
    const longPlace = await uploadEvidence(officer, taskId, '录像.mp4', media.mp4('x'), { description: '扣押', place: '地'.repeat(201) });
    expect(longPlace.status).to.equal(422);
    expect(longPlace.body.detail).to.equal('「地点」长度为 201 个字符，超过上限 200 个字符，未保存');
    const longSpeakers = await uploadEvidence(officer, taskId, '录像.mp4', media.mp4('x'), { description: '扣押', speakers: '人'.repeat(501) });
    expect(longSpeakers.body.detail).to.match(/「在场人员」.*上限 500 个字符/);
    const longDescription = await uploadEvidence(officer, taskId, '录像.mp4', media.mp4('x'), { description: '说'.repeat(2001) });
    expect(longDescription.body.detail).to.match(/「证据说明」.*上限 2000 个字符/);
    expect(await state()).to.deep.equal(before);
  });

  it('refuses a lone surrogate in a description and U+0000 in a file name (422), storing nothing', async () => {
    const before = await state();
    // FormData would replace a lone surrogate; written by hand it arrives as the bytes a broken client sends (CESU-8).
    const surrogate = Buffer.concat([Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="description"\r\n\r\n录像`), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from(`\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.mp4"\r\n\r\n`), media.mp4('x'), formTail]);
    const bad = await rawUpload(s.base, `/api/tasks/${taskId}/evidence`, apiHeaders(), { head: surrogate });
    expect(bad.status, bad.body).to.equal(422);
    expect(JSON.parse(bad.body).detail).to.equal('表单字段「description」含有无效的 Unicode 字符（不是 UTF-8 文本），未保存');
    const viaJson = await officer.post(`/api/evidence/1/corrections`, { description: 'a\ud800b' });
    expect(viaJson.status).to.equal(422);
    expect(viaJson.body.detail).to.match(/单独的代理项/);
    // A raw NUL breaks the part's header (400); encoded as RFC 5987 it reaches the name, which refuses it (422).
    const raw = await uploadEvidence(officer, taskId, 'a\u0000.mp4', media.mp4('x'));
    expect(raw.status).to.equal(400);
    expect(raw.body.detail).to.match(/上传的表单数据不完整或格式有误/);
    const encoded = Buffer.concat([Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="description"\r\n\r\n录像\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''a%00.mp4\r\n\r\n`), media.mp4('x'), formTail]);
    const nul = await rawUpload(s.base, `/api/tasks/${taskId}/evidence`, apiHeaders(), { head: encoded });
    expect(nul.status, nul.body).to.equal(422);
    expect(JSON.parse(nul.body).detail).to.equal('文件名含有不允许的空字符（U+0000），未保存');
    expect(await state()).to.deep.equal(before);
  });

  it('checks the type by content: an HTML page or a PNG named .jpg is refused (415) naming what it is', async () => {
    const before = await state();
    const html = await uploadEvidence(officer, taskId, '照片.jpg', Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>'));
    expect(html.status).to.equal(415);
    expect(html.body.detail).to.equal('文件「照片.jpg」的内容是 无法识别的类型（可能是文本、HTML 或脚本），与扩展名不符（应为 image/jpeg），未保存');
    const pdf = await uploadEvidence(officer, taskId, '录像.mp4', Buffer.from('%PDF-1.4\n1 0 obj\n'));
    expect(pdf.status).to.equal(415);
    expect(pdf.body.detail).to.match(/内容是 application\/pdf（\.pdf），与扩展名不符（应为 video\/mp4）/);
    expect(await state()).to.deep.equal(before);
  });

  it('sends X-Content-Type-Options: nosniff with evidence files, documents, the case file and every other answer', async () => {
    const added = await uploadEvidence(officer, taskId, '现场.mp4', media.mp4('on site'));
    expect(added.status, JSON.stringify(added.body)).to.equal(201);
    const paths = [`/api/evidence/${added.body.id}/file`, `/api/cases/${caseId}/export`, `/api/instances/${caseId}`, '/api/health', '/api/nothing-here'];
    for (const p of paths) {
      const res = await fetch(s.base + p, { headers: { authorization: `Bearer ${officer.token}` } });
      await res.arrayBuffer();
      expect(res.headers.get('x-content-type-options'), p).to.equal('nosniff');
    }
    const page = await fetch(`${s.base}/evidence/${added.body.id}`, { headers: { cookie: web.cookie } });
    await page.arrayBuffer();
    expect(page.status).to.equal(200);
    expect(page.headers.get('x-content-type-options')).to.equal('nosniff');
  });
});
