import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { scriptHash } from '../../src/engine/diagram-facts.ts';
import { bpmn, linearDiagram, nestedDiagram, scriptTaskDiagram } from '../helpers/bpmn.ts';
import { startInstance, view } from '../helpers/fixtures.ts';
import { startServer, type ApiResponse, type TestServer } from '../helpers/server.ts';

/** One script tries every way out and reports what each gave: "object"/"function" would be the host. */
const ESCAPES = ['next.constructor("return process")()', 'this.constructor.constructor("return process")()', 'environment.constructor.constructor("return process")()', 'globalThis.process', 'require'];
const REPORT = `var seen = {};
${ESCAPES.map((e, i) => `try { seen.e${i} = typeof (${e}); } catch (err) { seen.e${i} = 'error: ' + err.message; }`).join('\n')}
environment.output.seen = seen; next();`;
const DOUBLE = 'environment.output.doubled = environment.variables.amount * 2; next();';
const ENDLESS = 'while (true) {}';
const HOG = 'var a = []; while (true) a.push(new Array(1000000).fill(a.length));';

const refused = (res: ApiResponse, pattern: RegExp) => {
  expect(res.status, JSON.stringify(res.body)).to.equal(422);
  expect(res.contentType).to.contain('application/problem+json');
  expect(res.body.detail).to.match(pattern);
};

describe('API: a diagram may not run code in the server', () => {
  let s: TestServer;
  let trusted: TestServer;
  let dir: string;
  const count = async (server: TestServer, table: string) => Number((await server.zhifa.db(table).count({ n: '*' }))[0]!.n);

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhifa-trusted-'));
    const file = path.join(dir, 'trusted-scripts.json');
    fs.writeFileSync(file, JSON.stringify([REPORT, DOUBLE, ENDLESS, HOG].map((text) => ({ sha256: scriptHash(text), note: 'test' }))));
    s = await startServer({ label: 'diagram-safety' });
    trusted = await startServer({ label: 'diagram-safety-trusted', env: { ZHIFA_TRUSTED_SCRIPTS: file, ZHIFA_SCRIPT_TIMEOUT_MS: '300', ZHIFA_SCRIPT_MEMORY_MB: '16' } });
  });
  after(async () => {
    await s.close();
    await trusted.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a script task with the exact next.constructor("return process")() escape, naming it and what to use instead; nothing is stored', async () => {
    const res = await s.api.post('/api/definitions', scriptTaskDiagram('escape', 'next.constructor("return process")().exit(3)'), 'application/xml');
    refused(res, /脚本任务「运行脚本」（run）.*不在服务器中运行.*services\..*表达式.*SHA-256「[0-9a-f]{64}」/);
    expect(res.body.problems).to.have.length(1);
    expect(res.body.problems[0].elementId).to.equal('run');
    expect(await count(s, 'definitions')).to.equal(0);
  });

  it('refuses every script: a script condition and a Camunda listener script, each named', async () => {
    const xml = bpmn('conditions', `<startEvent id="start"><extensionElements><camunda:executionListener event="start"><camunda:script scriptFormat="javascript">this.constructor.constructor('return process')()</camunda:script></camunda:executionListener></extensionElements></startEvent>
      <sequenceFlow id="f1" sourceRef="start" targetRef="gw"/><exclusiveGateway id="gw" default="f3"/>
      <sequenceFlow id="f2" name="脚本条件" sourceRef="gw" targetRef="end"><conditionExpression xsi:type="tFormalExpression" language="javascript">environment.constructor.constructor('return process')(); next(null, true)</conditionExpression></sequenceFlow>
      <sequenceFlow id="f3" sourceRef="gw" targetRef="end"/><endEvent id="end"/>`);
    const res = await s.api.post('/api/definitions', xml, 'application/xml');
    refused(res, /「脚本条件」（f2）的条件是脚本/);
    expect(res.body.detail).to.match(/元素「start」的监听器或输入输出参数含有脚本/);
    expect(res.body.problems.map((p: { elementId: string }) => p.elementId).sort()).to.deep.equal(['f2', 'start']);
    expect(await count(s, 'definitions')).to.equal(0);
  });

  it('the modeler\'s validate gives the same problems as deploy (one list of checks)', async () => {
    const xml = scriptTaskDiagram('escape', 'next.constructor("return process")()');
    const problems = await s.zhifa.workflow.definitions.check(xml);
    const res = await s.api.post('/api/definitions', xml, 'application/xml');
    expect(problems).to.deep.equal(res.body.problems).and.to.have.length(1);
  });

  it('runs a trusted script in a sandbox: it computes, but every way out gives it nothing', async () => {
    for (const [key, script] of [['report', REPORT], ['double', DOUBLE]]) {
      const res = await trusted.api.post('/api/definitions', scriptTaskDiagram(key!, script!), 'application/xml');
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
    }
    const doubled = await view(trusted, await startInstance(trusted, 'double', { amount: 21 }));
    expect(doubled.variables.doubled).to.equal(42);
    const report = await view(trusted, await startInstance(trusted, 'report'));
    expect(Object.keys(report.variables.seen)).to.have.length(ESCAPES.length);
    for (const [i, seen] of Object.entries(report.variables.seen as Record<string, string>)) expect(seen, ESCAPES[Number(i.slice(1))]).to.match(/^(undefined|error: .+)$/);
    expect(typeof process.exit).to.equal('function');
    expect((await trusted.api.get('/api/health')).status).to.equal(200);
  });

  it('a trusted script that loops forever or eats memory is stopped, and the start is rolled back', async () => {
    for (const [key, script, pattern] of [['endless', ENDLESS, /运行超过 300 毫秒，已被终止/], ['hog', HOG, /内存超过 16 MB/]] as const) {
      expect((await trusted.api.post('/api/definitions', scriptTaskDiagram(key, script), 'application/xml')).status).to.equal(201);
      const before = await count(trusted, 'instances');
      refused(await trusted.api.post('/api/instances', { processKey: key }), pattern);
      expect(await count(trusted, 'instances'), key).to.equal(before);
    }
  });

  it('refuses 30,000 nested sub-processes with a 422 (not a stack overflow), and takes 50', async () => {
    const res = await s.api.post('/api/definitions', nestedDiagram('deep', 30_000), 'application/xml');
    refused(res, /子流程嵌套 30000 层，超过上限 50 层/);
    expect((await s.api.post('/api/definitions', nestedDiagram('fifty', 50), 'application/xml')).status).to.equal(201);
    expect(await count(s, 'definitions')).to.equal(1);
  });

  it('refuses 20,000 nested elements of another namespace in extension elements (422 at deployment), which would overflow every start', async () => {
    const deep = `${'<x:a>'.repeat(20_000)}${'</x:a>'.repeat(20_000)}`;
    const xml = bpmn('deep-extension', `<startEvent id="start" name="开始"><extensionElements>${deep}</extensionElements></startEvent>
      <sequenceFlow id="f" sourceRef="start" targetRef="end"/><endEvent id="end"/>`).replace('<definitions ', '<definitions xmlns:x="http://example.com/x" ');
    const before = await count(s, 'definitions');
    refused(await s.api.post('/api/definitions', xml, 'application/xml'), /XML 元素嵌套 \d+ 层，超过上限 100 层（在 「开始」（start） 中）|XML 元素嵌套 \d+ 层，超过上限 100 层/);
    expect(await count(s, 'definitions')).to.equal(before);
  });

  it('refuses a diagram of 18,000 tasks at deployment', async () => {
    refused(await s.api.post('/api/definitions', linearDiagram('huge', 18_000), 'application/xml'), /36003 个流程元素，超过上限 5000 个/);
  });

  it('rolls back a start that loops without a wait state, naming where it looped; nothing is stored', async () => {
    const xml = bpmn('spin', `<startEvent id="start"/><sequenceFlow id="f0" sourceRef="start" targetRef="t"/><task id="t" name="转圈"/>
      <sequenceFlow id="f1" sourceRef="t" targetRef="gw"/><exclusiveGateway id="gw" name="再来"/>
      <sequenceFlow id="back" sourceRef="gw" targetRef="t"><conditionExpression xsi:type="tFormalExpression">\${true}</conditionExpression></sequenceFlow>
      <sequenceFlow id="out" sourceRef="gw" targetRef="end"><conditionExpression xsi:type="tFormalExpression">\${false}</conditionExpression></sequenceFlow><endEvent id="end"/>`);
    expect((await s.api.post('/api/definitions', xml, 'application/xml')).status).to.equal(201);
    const [instances, history] = [await count(s, 'instances'), await count(s, 'history')];
    const res = await s.api.post('/api/instances', { processKey: 'spin' });
    refused(res, /超过 100 个环节仍未停下.*(「转圈」（t）|「再来」（gw）)/);
    expect(res.body.elementId).to.be.oneOf(['t', 'gw']);
    expect([await count(s, 'instances'), await count(s, 'history')]).to.deep.equal([instances, history]);
  });

  it('rolls back a start that runs a long chain of tasks without a wait (a 422, not a stack overflow)', async () => {
    expect((await s.api.post('/api/definitions', linearDiagram('chain', 1_000), 'application/xml')).status).to.equal(201);
    const before = await count(s, 'instances');
    refused(await s.api.post('/api/instances', { processKey: 'chain' }), /超过 100 个环节/);
    expect(await count(s, 'instances')).to.equal(before);
  });
});
