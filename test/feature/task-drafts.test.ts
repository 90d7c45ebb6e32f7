import { expect } from 'chai';
import { putTaskDraft, taskDraftOf } from '../../src/store/task-drafts.ts';
import { saveTaskDraft } from '../../src/workflow/task-drafts.ts';
import { uploadRecording } from '../helpers/evidence.ts';
import { completeTask, openTask, startForDepartmentOf, view } from '../helpers/fixtures.ts';
import { ApiClient, startProcessServer, type TestServer } from '../helpers/server.ts';
import { formBody, webLogin, type WebSession } from '../helpers/web.ts';

/**
 * 暂存: a task form as typed is kept on the server for whoever may complete the task, restored on
 * the task page, never in the case's variables or record, and gone when the task closes.
 * Runs on SQLite, and on PostgreSQL with DATABASE_URL.
 */
describe('Feature: drafts of task forms (task_drafts)', () => {
  let s: TestServer;
  let officer: WebSession;
  before(async () => {
    s = await startProcessServer('task-drafts');
    officer = await webLogin(s.base, 'officer1', 'demo');
  });
  after(() => s.close());

  /** An emergency seizure: the on-site step is open to the handling department's officers at once. */
  const onSiteTask = async () => {
    const id = await startForDepartmentOf(s, 'officer1', 'coercion', { party: '泸溪县某冶炼厂', emergency: true });
    return { id, task: (await openTask(s, id, 'onSite')).id as string };
  };
  /** The page script's save: the form as typed, answered in JSON. */
  const autosave = (who: WebSession, taskId: string, form: Record<string, string | string[]>) =>
    fetch(`${s.base}/tasks/${taskId}/draft`, { method: 'POST', headers: { cookie: who.cookie, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' }, body: formBody({ _csrf: who.csrf, ...form }) });

  it('store: one draft per task and person, replaced by the next save (upsert on both databases)', async () => {
    const { task } = await onSiteTask();
    const db = s.zhifa.workflow.db;
    await putTaskDraft(db, { taskId: task, username: 'officer1', values: { party: '甲' }, savedAt: 1 });
    await putTaskDraft(db, { taskId: task, username: 'officer1', values: { party: '乙', recordNo: '7' }, savedAt: 2 });
    await putTaskDraft(db, { taskId: task, username: 'officer2', values: { party: '丙' }, savedAt: 3 });
    expect(await taskDraftOf(db, task, 'officer1')).to.deep.equal({ taskId: task, username: 'officer1', values: { party: '乙', recordNo: '7' }, savedAt: 2 });
    expect((await taskDraftOf(db, task, 'officer2'))!.values).to.deep.equal({ party: '丙' });
    expect(await db('task_drafts').where({ task_id: task }).count({ n: '*' }).first()).to.satisfy((r: { n: number | string }) => Number(r.n) === 2);
  });

  it('workflow: only someone who may complete the task keeps a draft of it, and only its form\'s fields', async () => {
    const { task } = await onSiteTask();
    const db = s.zhifa.workflow.db;
    const now = s.clock.now().getTime();
    const kept = await saveTaskDraft(db, task, { username: 'officer2', groups: ['officers'], department: '执法支队' }, { party: '某厂', hacked: true }, { now, fields: ['party'] });
    expect(kept.values).to.deep.equal({ party: '某厂' });
    const refused = (user: { username: string; groups: string[]; department: string | null }) => saveTaskDraft(db, task, user, { party: 'x' }, { now }).then(() => null, (err: { status: number; detail: string }) => [err.status, err.detail]);
    expect(await refused({ username: 'head1', groups: ['heads'], department: '局领导' })).to.deep.equal([403, '任务「现场实施查封、扣押」不由您办理，不能暂存']);
    expect(await refused({ username: 'other', groups: ['officers'], department: '综合科' }), 'an officer of another department').to.deep.equal([403, '任务「现场实施查封、扣押」不由您办理，不能暂存']);
    expect(await taskDraftOf(db, task, 'head1')).to.equal(undefined);
  });

  it('page: typed values saved by the script and by 「暂存」 come back on the task page, stay out of the case, and go when the task completes', async () => {
    const { id, task } = await onSiteTask();
    const saved = await autosave(officer, task, { party: '泸溪县某冶炼厂', recordNo: '现场笔录〔2026〕9号', officers: ['officer1', 'officer2'], 'seizureItems[0][name]': '暗管水泵', 'seizureItems[0][quantity]': '2 台' });
    expect(saved.status).to.equal(200);
    let page = await officer.get(`/tasks/${task}`);
    expect(page.text).to.include('data-testid="draft-restored"');
    expect(page.text).to.include('value="现场笔录〔2026〕9号"').and.include('value="暗管水泵"');
    expect(page.text).to.match(/name="officers" value="officer2" checked/);

    // Without a script: the 「暂存」 button posts the form itself and the page comes back with it.
    const plain = await officer.post(`/tasks/${task}/draft`, { recordNo: '现场笔录〔2026〕10号', measure: '扣押' });
    expect([plain.status, plain.location]).to.deep.equal([303, `/tasks/${task}?draft=saved`]);
    page = await officer.get(plain.location!);
    expect(page.text).to.include('value="现场笔录〔2026〕10号"').and.match(/<option value="扣押" selected>/).and.include('已暂存（');

    const manager = await webLogin(s.base, 'manager1', 'demo');
    const notTheirs = await autosave(manager, task, { recordNo: '改' });
    expect(notTheirs.status, 'a manager sees the case but does not do the step').to.equal(403);
    expect(await notTheirs.json()).to.deep.equal({ error: '任务「现场实施查封、扣押」不由您办理，不能暂存' });

    const v = await view(s, id);
    expect(v.variables).not.to.have.property('recordNo');
    expect(JSON.stringify(v.history), 'a draft is not in the record').not.to.include('现场笔录〔2026〕10号');

    const api = await ApiClient.login(s.base, 'officer1', 'demo');
    await uploadRecording(s, api, id, 'onSite');
    await completeTask(s, api, id, 'onSite', {
      officers: ['officer1', 'officer2'], certificatesShown: true, measure: '扣押', party: '泸溪县某冶炼厂', seizureObjects: '水泵 2 台',
      seizureItems: [{ name: '暗管水泵', quantity: '2 台', condition: '完好' }], seizureReason: '暗管排污', legalBasis: '《行政强制法》第十九条',
      partyNotified: true, partyPresent: true, reasonsAndRightsStated: true, statementHeard: '无异议', recordNo: '现场笔录〔2026〕10号',
      recordSignature: '当事人和执法人员签名或盖章', inventoryNo: '清单〔2026〕9号', documentsHandedOver: true, testingNeeded: false,
    });
    expect(await s.zhifa.workflow.db('task_drafts').where({ task_id: task }).first()).to.equal(undefined);
    const late = await autosave(officer, task, { recordNo: '又改' });
    expect(late.status, 'a completed task takes no draft').to.equal(409);
  });
});
