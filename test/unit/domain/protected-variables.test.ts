import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { FormRegistry } from '../../../src/domain/forms.ts';
import { ProtectedVariables } from '../../../src/domain/protected-variables.ts';
import { ZhifaError } from '../../../src/errors.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const shipped = () => ProtectedVariables.load(path.join(ROOT, 'rules/protected-variables.json'));

/** The user tasks (process id → element id → form key) and service tasks of processes/. */
function processElements(): { tasks: Map<string, string>; services: Set<string> } {
  const tasks = new Map<string, string>();
  const services = new Set<string>();
  for (const file of fs.readdirSync(path.join(ROOT, 'processes')).filter((f) => f.endsWith('.bpmn'))) {
    const xml = fs.readFileSync(path.join(ROOT, 'processes', file), 'utf8');
    const processId = path.basename(file, '.bpmn');
    for (const m of xml.matchAll(/<(?:bpmn:)?userTask\b[^>]*>/g)) {
      const id = /\bid="([^"]+)"/.exec(m[0])![1]!;
      tasks.set(`${processId}/${id}`, /camunda:formKey="([^"]+)"/.exec(m[0])?.[1] ?? '');
    }
    for (const m of xml.matchAll(/<(?:bpmn:)?serviceTask\b[^>]*>/g)) services.add(`${processId}/${/\bid="([^"]+)"/.exec(m[0])![1]}`);
  }
  return { tasks, services };
}

describe('domain: protected variables (rules/protected-variables.json)', () => {
  it('refuses a protected variable to a start, a message and a step that does not own it, naming the owner; lets the owning step write it', () => {
    const p = shipped();
    const review = { kind: 'task' as const, step: { process: 'legal-review', element: 'review' } };
    expect(p.refused({ reviewOpinion: 'agree', remarks: 'x' }, review)).to.deep.equal([]);
    const other = p.refused({ reviewOpinion: 'agree', remarks: 'x' }, { kind: 'task', step: { process: 'penalty', element: 'investigation' } });
    expect(other.map((e) => e.field)).to.deep.equal(['reviewOpinion']);
    expect(other[0]!.message).to.include('只能由流程 legal-review 的环节 review、流程 permit 的环节 substantiveReview写入');
    expect(p.refused({ legalReviewPassed: true }, { kind: 'start' })[0]!.message).to.match(/recordPassed（legalReviewPassed）.*启动案件时不得携带$/);
    expect(p.refused({ paymentLastDay: '2026-04-01' }, { kind: 'message', name: 'm' })[0]!.message).to.match(/paymentDeadline.*消息不得携带$/);
    expect(() => p.assertWritable({ investigators: ['a'] }, { kind: 'start' })).to.throw(ZhifaError).with.property('status', 422);
  });

  it('stops the start on a file that is missing or malformed, naming the file and the entry', () => {
    expect(() => ProtectedVariables.load('/nonexistent/protected.json')).to.throw(/protected variables \/nonexistent\/protected\.json cannot be read/);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zhifa-protected-')), 'p.json');
    fs.writeFileSync(file, JSON.stringify({ variables: { approved: { why: '批准', tasks: [{ process: 'coercion' }], services: [] } } }));
    expect(() => ProtectedVariables.load(file)).to.throw(/p\.json: "approved": "tasks" must be a list/);
    fs.writeFileSync(file, JSON.stringify({ variables: { approved: { why: '批准', tasks: [], services: [] } } }));
    expect(() => ProtectedVariables.load(file)).to.throw(/"approved": names no owner/);
    fs.writeFileSync(file, JSON.stringify({ variables: [] }));
    expect(() => ProtectedVariables.load(file)).to.throw(/needs "variables"/);
  });

  it('names owners that exist in processes/, and every step whose form declares a protected field owns it', () => {
    const p = shipped();
    const { tasks, services } = processElements();
    const forms = new FormRegistry();
    forms.loadDirectory(path.join(ROOT, 'forms'));
    expect(p.names().length).to.be.greaterThan(20);
    for (const name of p.names()) {
      const owners = p.ownersOf(name)!;
      for (const t of owners.tasks) expect(tasks.has(`${t.process}/${t.element}`), `${name}: user task ${t.process}/${t.element}`).to.equal(true);
      for (const sv of owners.services) expect(services.has(`${sv.process}/${sv.element}`), `${name}: service task ${sv.process}/${sv.element}`).to.equal(true);
    }
    let checked = 0;
    for (const [step, formKey] of tasks) {
      const declared = Object.keys(forms.get(formKey)?.schema.properties ?? {});
      const [process, element] = step.split('/') as [string, string];
      for (const field of declared.filter((f) => p.ownersOf(f))) {
        checked++;
        expect(p.refused({ [field]: 1 }, { kind: 'task', step: { process, element } }), `${step} (${formKey}) declares ${field}`).to.deep.equal([]);
      }
    }
    expect(checked, 'forms that declare protected fields').to.be.greaterThan(10);
  });
});
