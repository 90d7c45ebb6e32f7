import { expect } from 'chai';
import { ServiceRegistry } from '../../src/engine/services.ts';
import { deploy, fixture, startInstance, view } from '../helpers/fixtures.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

const problem = (res: { status: number; contentType: string; body: { detail?: string } }, status: number, detail: RegExp | string) => {
  expect(res.status, JSON.stringify(res.body)).to.equal(status);
  expect(res.contentType).to.contain('application/problem+json');
  if (typeof detail === 'string') expect(res.body.detail).to.equal(detail);
  else expect(res.body.detail).to.match(detail);
};

/** `n` arrays, each the only item of the one around it: `[[[…]]]`. */
const nested = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

/** Bad input at the edge: deep JSON, values longer than their columns, U+0000 and lone surrogates, anywhere. */
describe('API: input limits (depth, size, length, characters) answer 4xx and change nothing', () => {
  let s: TestServer;
  let instanceId: string;
  let taskId: string;
  before(async () => {
    s = await startServer({ label: 'input-limits', services: new ServiceRegistry(), env: { ZHIFA_VARIABLES_MAX_KB: '16' } });
    await deploy(s, 'two-tasks.bpmn', 'message-wait.bpmn');
    instanceId = await startInstance(s, 'two-tasks', { initiator: 'admin' });
    taskId = (await view(s, instanceId)).tasks[0].id;
  });
  after(() => s.close());

  const count = async (table: string) => Number((await s.zhifa.db(table).count({ n: '*' }))[0]!.n);
  const snapshot = async () => ({ instances: await count('instances'), history: await count('history'), tasks: await count('tasks'), definitions: await count('definitions'), open: (await view(s, instanceId)).tasks.length });
  const raw = (p: string, body: string) => s.api.post(p, body, 'application/json');

  it('refuses 10,000 nested arrays (a 20 KB body) on start, completion and messages with 422 naming the path', async () => {
    const before = await snapshot();
    const deep = nested(10_000);
    expect(deep.length).to.equal(20_000);
    const path = `variables.a${'[0]'.repeat(63)}`;
    const detail = `${path} 嵌套过深：对象和数组最多嵌套 64 层，未保存`;
    problem(await raw('/api/instances', `{"processKey":"two-tasks","variables":{"a":${deep}}}`), 422, detail);
    problem(await raw(`/api/tasks/${taskId}/complete`, `{"variables":{"a":${deep}}}`), 422, detail);
    problem(await raw('/api/messages', `{"name":"go","businessKey":"k","variables":{"a":${deep}}}`), 422, detail);
    expect(await snapshot()).to.deep.equal(before);
  });

  it('keeps 64 levels and refuses the 65th, also when a command comes from inside the server', async () => {
    const ok = await raw('/api/instances', `{"processKey":"two-tasks","variables":{"initiator":"admin","a":${nested(63)}}}`);
    expect(ok.status, JSON.stringify(ok.body)).to.equal(201);
    const before = await snapshot();
    const deep = JSON.parse(nested(64));
    await s.zhifa.workflow.start({ processKey: 'two-tasks', variables: { a: deep } }, { username: 'admin', groups: [], roles: ['admin'] }).then(
      () => expect.fail('refused'),
      (err: { status: number; detail: string }) => {
        expect(err.status).to.equal(422);
        expect(err.detail).to.match(/^variables\.a(\[0\]){63} 嵌套过深/);
      },
    );
    expect(await snapshot()).to.deep.equal(before);
  });

  it('refuses variables larger than ZHIFA_VARIABLES_MAX_KB (422 stating the limit)', async () => {
    const before = await snapshot();
    problem(await s.api.post('/api/instances', { processKey: 'two-tasks', variables: { note: '字'.repeat(6_000) } }), 422, /^variables 过大：共 18 KB，上限为 16 KB，未保存$/);
    problem(await s.api.post(`/api/tasks/${taskId}/complete`, { variables: { note: 'x'.repeat(17_000) } }), 422, /上限为 16 KB/);
    expect(await snapshot()).to.deep.equal(before);
  });

  it('refuses a business key longer than its column (200) and keeps one of exactly 200', async () => {
    const before = await snapshot();
    problem(await s.api.post('/api/instances', { processKey: 'two-tasks', businessKey: 'k'.repeat(201) }), 422, '业务编号（businessKey）长度为 201 个字符，超过上限 200 个字符，未保存');
    problem(await s.api.post('/api/instances', { processKey: 'p'.repeat(201) }), 422, /流程标识（processKey）.*上限 200/);
    expect(await snapshot()).to.deep.equal(before);
    const ok = await s.api.post('/api/instances', { processKey: 'two-tasks', businessKey: '案'.repeat(200), variables: { initiator: 'admin' } });
    expect(ok.status, JSON.stringify(ok.body)).to.equal(201);
    expect((await s.zhifa.db('instances').where({ id: ok.body.id }).first()).business_key).to.equal('案'.repeat(200));
  });

  it('refuses U+0000 in a business key, a variable, a name and every id in a URL', async () => {
    const before = await snapshot();
    problem(await s.api.post('/api/instances', { processKey: 'two-tasks', businessKey: 'A\u0000B' }), 422, 'businessKey 的值含有不允许的空字符（U+0000），未保存');
    problem(await s.api.post('/api/instances', { processKey: 'two-tasks', variables: { party: { name: '某\u0000公司' } } }), 422, 'variables.party.name 的值含有不允许的空字符（U+0000），未保存');
    problem(await s.api.post('/api/messages', { name: 'go\u0000', businessKey: 'k' }), 422, /^name 的值含有不允许的空字符/);
    for (const p of ['/api/instances/%00', '/api/instances/a%00b/evidence', `/api/tasks/%00/complete`, '/api/evidence/%00/file', '/api/cases/%00/record', '/api/documents/%00']) {
      const res = p.endsWith('complete') ? await s.api.post(p, {}) : await s.api.get(p);
      problem(res, 400, '地址含有不允许的空字符（U+0000）');
    }
    problem(await s.api.get('/api/instances/%ED%A0%80'), 400, '地址中有无效的编码（不是 UTF-8 字符）');
    expect(await snapshot()).to.deep.equal(before);
  });

  it('refuses a lone surrogate in any string or key (422), and bytes that are not UTF-8 (400), instead of storing U+FFFD', async () => {
    const before = await snapshot();
    problem(await raw('/api/instances', '{"processKey":"two-tasks","businessKey":"\\ud800x"}'), 422, 'businessKey 的值含有无效的 Unicode 字符（单独的代理项，不是完整的字符），未保存');
    problem(await raw(`/api/tasks/${taskId}/complete`, '{"variables":{"opinion":["ok","\\udc00"]}}'), 422, /^variables\.opinion\[1\] 的值含有无效的 Unicode 字符/);
    problem(await raw(`/api/tasks/${taskId}/complete`, '{"variables":{"\\ud83d":1}}'), 422, /^variables 中有一个名称含有无效的 Unicode 字符/);
    const cesu = Buffer.concat([Buffer.from('{"processKey":"two-tasks","businessKey":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]);
    const res = await fetch(`${s.base}/api/instances`, { method: 'POST', headers: { authorization: `Bearer ${s.api.token}`, 'content-type': 'application/json' }, body: cesu });
    expect(res.status).to.equal(400);
    expect((await res.json()).detail).to.equal('请求内容不是有效的 UTF-8 文本');
    expect(await snapshot()).to.deep.equal(before);
  });

  it('refuses a diagram with a name written &#0;, a process id over 200 or a process name over 500 characters, naming them', async () => {
    const before = await snapshot();
    const xml = fixture('two-tasks.bpmn');
    const nul = await s.api.post('/api/definitions', xml.replace('name="Review"', 'name="审&#0;核"'), 'application/xml');
    problem(nul, 422, 'review: 元素名称（name）含有不允许的空字符（U+0000）');
    const longId = 'p'.repeat(201);
    problem(await s.api.post('/api/definitions', xml.replace('id="two-tasks"', `id="${longId}"`), 'application/xml'), 422, new RegExp(`${longId}: 流程标识（process id）长度为 201 个字符，超过上限 200 个字符`));
    problem(await s.api.post('/api/definitions', xml.replace('name="Two tasks"', `name="${'名'.repeat(501)}"`), 'application/xml'), 422, /two-tasks: 流程名称（process name）长度为 501 个字符，超过上限 500 个字符/);
    problem(await s.api.post('/api/definitions', xml.replace('<startEvent id="start" />', '<startEvent id="start"><documentation>&#xD800;</documentation></startEvent>'), 'application/xml'), 422, /start: text含有无效的 Unicode 字符/);
    expect(await snapshot()).to.deep.equal(before);
  });

  it('applies the same rules to the pages: a form field with U+0000 is refused before any page runs', async () => {
    const before = await snapshot();
    const res = await fetch(`${s.base}/login`, { method: 'POST', body: new URLSearchParams({ username: 'admin\u0000', password: 'admin' }), redirect: 'manual' });
    expect(res.status).to.equal(422);
    expect(await res.text()).to.include('username 的值含有不允许的空字符（U+0000），未保存');
    const page = await fetch(`${s.base}/cases/%00`, { redirect: 'manual' });
    expect(page.status).to.equal(400);
    expect(await page.text()).to.include('地址含有不允许的空字符（U+0000）');
    expect(await snapshot()).to.deep.equal(before);
  });
});
