import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { FormRegistry } from '../../../src/domain/forms.ts';
import { formFields, widgetOf, type PersonOption, type PropertySchema } from '../../../src/http/web/shared/form-fields.ts';
import { formInput } from '../../../src/http/web/shared/form-input.ts';
import { discretionChoices } from '../../../src/domain/discretion-choices.ts';
import { discretionBenchmark } from '../../../src/domain/discretion.ts';
import { ROOT } from '../../helpers/server.ts';

/** Which control each field of a task form gets, what it shows, and how a browser's post is read back. */
describe('Unit: task form widgets (widgetOf, formFields, formInput)', () => {
  const forms = new FormRegistry();
  forms.loadDirectory(path.join(ROOT, 'forms'));
  const people: PersonOption[] = [
    { username: 'officer1', label: '张执法', groups: ['officers'], certified: true },
    { username: 'officer2', label: '李执法', groups: ['officers'], certified: true },
    { username: 'clerk', label: '无证人员', groups: ['officers'], certified: false },
  ];
  const fieldOf = (formKey: string, name: string, values: Record<string, unknown> = {}) => formFields(forms.get(formKey)!, values, {}, people).find((f) => f.name === name)!;

  it('widgetOf: a list of strings is typed in, one input an entry; only a list the form says names users is a people picker', () => {
    const strings: PropertySchema = { type: 'array', items: { type: 'string' } };
    expect(widgetOf(strings)).to.equal('list');
    expect(widgetOf({ ...strings, 'x-ui': { widget: 'list' } })).to.equal('list');
    expect(widgetOf({ ...strings, 'x-ui': { widget: 'officer-picker' } })).to.equal('people');
    expect(widgetOf({ ...strings, 'x-ui': { widget: 'users', group: 'heads' } })).to.equal('people');
    expect(widgetOf({ type: 'array', items: { type: 'string', enum: ['a'] } })).to.equal('checkboxes');
    expect(widgetOf({ type: 'array', items: { type: 'object', properties: {} } })).to.equal('rows');
  });

  it('every form: a list naming users (certified officers, known users, a people hint) is a picker, and every other list of words is a text list', () => {
    const pickers: string[] = [];
    const lists: string[] = [];
    for (const file of fs.readdirSync(path.join(ROOT, 'forms')).filter((f) => f.endsWith('.json'))) {
      const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'forms', file), 'utf8'));
      const naming = new Set<string>([...(schema['x-zhifa']?.certifiedOfficers ?? []), ...(schema['x-zhifa']?.knownUsers ?? [])]);
      for (const [name, p] of Object.entries(schema.properties as Record<string, PropertySchema>)) {
        if (p.type !== 'array' || p.items?.type === 'object' || p.items?.enum) continue;
        const widget = widgetOf(p);
        // The discretion circumstances are ids the benchmark offers by name (boxes), not words typed in.
        if (widget === 'checkboxes') {
          expect(`${file} ${name}`).to.equal('penalty-case-review.json discretionCircumstances');
          continue;
        }
        if (naming.has(name)) expect(widget, `${file} ${name} names officers or users`).to.equal('people');
        (widget === 'people' ? pickers : lists).push(`${file.replace(/\.json$/, '')}.${name}`);
      }
    }
    expect(lists.sort()).to.deep.equal([
      'permit-acceptance.missingMaterials', 'permit-hearing-right.interestedParties',
      'permitMaterialsSupplemented.supplementedMaterials', 'publication-review.namesToRedact', 'publication-review.textsToRedact',
    ]);
    expect(pickers).to.include.members(['coercion-on-site.officers', 'coercion-release.returnedBy', 'permit-site-check.inspectors', 'penalty-investigation.investigators']);
  });

  it('formFields: a text list shows its entries and empty inputs to type more (three at least), never the staff', () => {
    const empty = fieldOf('permit-acceptance', 'missingMaterials');
    expect(empty.widget).to.equal('list');
    expect(empty.title).to.equal('需补正的全部材料');
    expect(empty.items).to.deep.equal([{ value: '' }, { value: '' }, { value: '' }]);
    expect(empty.options).to.equal(undefined);
    const filled = fieldOf('publication-review', 'namesToRedact', { namesToRedact: ['张三', '王某某'] });
    expect(filled.items!.map((i) => i.value)).to.deep.equal(['张三', '王某某', '', '']);
  });

  it('formFields: the on-site officers are a picker of certified officers, ticked as chosen', () => {
    const officers = fieldOf('coercion-on-site', 'officers', { officers: ['officer2'] });
    expect(officers.widget).to.equal('people');
    expect(officers.options).to.deep.equal([
      { value: 'officer1', label: '张执法', selected: false },
      { value: 'officer2', label: '李执法', selected: true },
    ]);
  });

  it('formFields: a checkbox is marked required only when the form insists it be ticked', () => {
    expect(fieldOf('coercion-on-site', 'certificatesShown').required, 'const true: must be ticked').to.equal(true);
    expect(fieldOf('coercion-on-site', 'testingNeeded').required, 'required, but unticked (no testing) is a valid answer').to.equal(false);
    expect(fieldOf('penalty-hearing', 'partyAttended').required).to.equal(false);
  });

  it('formFields: rows of an object list are the entries and two empty rows, numbered in order', () => {
    const items = fieldOf('coercion-on-site', 'seizureItems', { seizureItems: [{ name: '水泵', quantity: '2 台', condition: '完好' }] });
    expect(items.rows!.map((r) => r.map((c) => [c.name, c.value ?? '']))).to.deep.equal([
      [['seizureItems[0][name]', '水泵'], ['seizureItems[0][quantity]', '2 台'], ['seizureItems[0][condition]', '完好']],
      [['seizureItems[1][name]', ''], ['seizureItems[1][quantity]', ''], ['seizureItems[1][condition]', '']],
      [['seizureItems[2][name]', ''], ['seizureItems[2][quantity]', ''], ['seizureItems[2][condition]', '']],
    ]);
  });

  it('formInput: reads a text list (one input an entry, or lines) and a people picker (ticked usernames), leaving blanks out', () => {
    const review = forms.get('publication-review')!;
    expect(formInput(review, { namesToRedact: ['张三', ' 王某某 ', ''], textsToRedact: '湘A12345' })).to.deep.include({ namesToRedact: ['张三', '王某某'], textsToRedact: ['湘A12345'] });
    expect(formInput(review, { namesToRedact: '张三\r\n\r\n王某某' }).namesToRedact, 'one text with line breaks').to.deep.equal(['张三', '王某某']);
    expect(formInput(review, { namesToRedact: ['', ''] })).not.to.have.property('namesToRedact');
    const onSite = forms.get('coercion-on-site')!;
    expect(formInput(onSite, { officers: ['officer1', 'officer2'] }).officers).to.deep.equal(['officer1', 'officer2']);
    expect(formInput(onSite, { officers: 'officer1' }).officers, 'one box ticked').to.deep.equal(['officer1']);
    // Rows removed on the page leave gaps in the numbering: the rows are read in order all the same.
    expect(formInput(onSite, { seizureItems: { 0: { name: '水泵', quantity: '2 台', condition: '完好' }, 3: { name: '管道', quantity: '5 米', condition: '锈蚀' }, 4: { name: '' } } }).seizureItems).to.deep.equal([
      { name: '水泵', quantity: '2 台', condition: '完好' },
      { name: '管道', quantity: '5 米', condition: '锈蚀' },
    ]);
  });

  it('formFields/formInput: the discretion factors, one select per factor in a group per violation type; only the chosen type\'s group is read back, as numbers', () => {
    const choices = discretionChoices(discretionBenchmark(), '2026-03-02');
    const form = forms.get('penalty-case-review')!;
    const levels = formFields(form, { violationCode: 'AIR-01', discretionLevels: { exceedance: 3 } }, {}, people, choices).find((f) => f.name === 'discretionLevels')!;
    expect(levels.widget).to.equal('discretion-factors');
    const air = levels.groups!.find((g) => g.code === 'AIR-01')!;
    expect(air).to.include({ title: '大气污染物超标排放', selected: true });
    expect(air.factors[0]).to.include({ name: 'discretionLevels[AIR-01][exceedance]', title: '超标倍数' });
    expect(air.factors[0]!.options.find((o) => o.selected)).to.deep.equal({ value: '3', label: '超标1倍以上不足2倍（60分）', selected: true });
    expect(levels.groups!.filter((g) => g.code !== 'AIR-01').flatMap((g) => g.factors.flatMap((f) => f.options)).some((o) => o.selected)).to.equal(false);
    const boxes = formFields(form, { discretionCircumstances: ['repeat'] }, {}, people, choices).find((f) => f.name === 'discretionCircumstances')!;
    expect(boxes.options!.find((o) => o.value === 'repeat')).to.deep.equal({ value: 'repeat', label: '从重：两年内因同类环境违法行为受到行政处罚的', selected: true });

    const read = formInput(form, { violationCode: 'AIR-01', discretionLevels: { 'AIR-01': { exceedance: '3', area: '', duration: '2' }, 'WATER-01': { exceedance: '5' } }, discretionCircumstances: ['repeat', 'obstruct'] });
    expect(read.discretionLevels).to.deep.equal({ exceedance: 3, duration: 2 });
    expect(read.discretionCircumstances).to.deep.equal(['repeat', 'obstruct']);
    expect(formInput(form, { discretionLevels: { 'AIR-01': { exceedance: '3' } } })).not.to.have.property('discretionLevels');
  });
});
