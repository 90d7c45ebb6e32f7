import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { NotificationTemplates } from '../../../src/notifications/templates.ts';
import { ROOT } from '../../helpers/server.ts';

describe('Unit: notification templates are checked at start', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhifa-templates-'));
    fs.cpSync(path.join(ROOT, 'notifications'), dir, { recursive: true });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses a shared partial that does not compile, naming its file and line, instead of failing every reminder that uses it', () => {
    const partial = path.join(dir, 'partials', 'footer.hbs');
    fs.writeFileSync(partial, '——\n{{#if link}}\n打开：{{link}}\n');
    expect(() => new NotificationTemplates(dir)).to.throw(partial).with.property('message').that.matches(/line/);
  });

  it('still renders every template with its partials', () => {
    const t = new NotificationTemplates(dir);
    const step = { case: { label: 'X-1 某厂', processName: '测试程序' }, step: { name: '答复' }, daysLeft: 1, dayWord: '个工作日', workingDaysLeft: 1, overdueDays: 2, dueAt: '2026/03/10 00:00', link: 'https://zhifa.example/tasks/1', recipient: { displayName: '张执法' } };
    const digest = { date: '2026-03-19', department: '执法支队', counts: { near: 1, overdue: 2, paused: 0 }, items: [{ levelLabel: '逾期', caseLabel: 'X-1 某厂', stepName: '答复', dueAt: '2026/03/18 00:00', link: 'https://zhifa.example/cases/1' }], dashboardLink: 'https://zhifa.example/dashboard', recipient: { displayName: '王经理' } };
    const contexts: Record<string, Record<string, unknown>> = { reminder: step, due: step, escalation: step, digest };
    // Every folder of notifications/ is a template, and every one is rendered here: a new template needs its context above.
    expect(t.names().sort()).to.deep.equal(Object.keys(contexts).sort());
    for (const name of t.names()) {
      const out = t.render(name, contexts[name]!);
      expect(out.subject, name).to.not.equal('');
      const link = name === 'digest' ? 'https://zhifa.example/cases/1' : 'https://zhifa.example/tasks/1';
      expect(out.text, name).to.include(link).and.to.include('X-1 某厂').and.to.include('请勿直接回复');
      expect(out.html, name).to.include(link).and.to.include('X-1 某厂');
      expect(out.text + out.html, `${name}: every value filled in`).not.to.match(/undefined|\[object Object\]/);
    }
  });
});
