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
    const out = t.render('reminder', { case: { label: 'X-1', processName: '测试' }, step: { name: '答复' }, workingDaysLeft: 1, dueAt: '2026/03/10 00:00', link: 'https://zhifa.example/tasks/1', recipient: { displayName: '张执法' } });
    expect(out.text).to.include('https://zhifa.example/tasks/1');
    expect(out.html).to.include('https://zhifa.example/tasks/1');
  });
});
