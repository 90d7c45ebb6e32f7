import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { parseBpmn } from '../../src/engine/compile.ts';
import { FormRegistry } from '../../src/domain/forms.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const files = fs.readdirSync(path.join(ROOT, 'processes')).filter((f) => f.endsWith('.bpmn'));

type El = { $type: string; id: string; name?: string; formKey?: string; flowElements?: El[] };

/** What a process administrator opens in a modeler and what staff see: checked for every file in processes/. */
describe('processes/: every diagram is valid, laid out, named and has its forms', () => {
  const forms = new FormRegistry();
  forms.loadDirectory(path.join(ROOT, 'forms'));

  it('finds the procedures in processes/ (an empty folder would check nothing)', () => {
    expect(files).to.include.members(['penalty.bpmn', 'permit.bpmn', 'coercion.bpmn', 'legal-review.bpmn', 'publication.bpmn']);
  });

  for (const file of files) {
    it(`${file}`, async () => {
      const parsed = await parseBpmn(fs.readFileSync(path.join(ROOT, 'processes', file), 'utf8'));
      expect(`${parsed.processId}.bpmn`, 'file name = process id').to.equal(file);
      const ctx = parsed.moddleContext as { elementsById: Record<string, El & { bpmnElement?: { id: string } }> };
      const all = Object.values(ctx.elementsById);
      const drawn = new Set(all.filter((e) => e.$type === 'bpmndi:BPMNShape' || e.$type === 'bpmndi:BPMNEdge').map((e) => e.bpmnElement?.id));
      const flow = all.filter((e) => /^bpmn:(.*Task|.*Event|.*Gateway|SubProcess|CallActivity|SequenceFlow)$/.test(e.$type));
      const undrawn = flow.filter((e) => !drawn.has(e.id)).map((e) => e.id);
      expect(undrawn, 'elements without diagram interchange').to.deep.equal([]);
      for (const task of all.filter((e) => e.$type === 'bpmn:UserTask')) {
        expect(task.name, `${task.id} has a name staff read`).to.match(/[\u4e00-\u9fff]/);
        expect(task.formKey, `${task.id} has a camunda:formKey`).to.be.a('string');
        expect(forms.get(task.formKey), `forms/${task.formKey}.json exists`).to.exist;
      }
    });
  }
});
