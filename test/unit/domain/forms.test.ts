import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { FormRegistry } from '../../../src/domain/forms.ts';

describe('domain: task forms', () => {
  const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'zhifa-forms-'));

  it('loads every forms/*.json by its file name as the form key', () => {
    const d = dir();
    fs.writeFileSync(path.join(d, 'review-opinion.json'), JSON.stringify({ type: 'object', properties: { opinion: { type: 'string', title: '意见' } } }));
    const forms = new FormRegistry();
    expect(forms.loadDirectory(d)).to.equal(1);
    expect(forms.keys()).to.deep.equal(['review-opinion']);
  });

  it('refuses a form that is not JSON, or not a schema, naming its file', () => {
    const d = dir();
    fs.writeFileSync(path.join(d, 'broken.json'), '{ "type": "object", ');
    expect(() => new FormRegistry().loadDirectory(d)).to.throw(/broken\.json cannot be used/);
    const e = dir();
    fs.writeFileSync(path.join(e, 'bad-schema.json'), JSON.stringify({ type: 'object', properties: { a: { type: 'nonsense' } } }));
    expect(() => new FormRegistry().loadDirectory(e)).to.throw(/bad-schema\.json cannot be used/);
  });

  it('says in Chinese what is wrong with each field', () => {
    const forms = new FormRegistry();
    forms.add('f', {
      type: 'object',
      required: ['reason'],
      additionalProperties: false,
      properties: { reason: { type: 'string', title: '理由', minLength: 1 }, days: { type: 'integer', title: '天数', maximum: 30 }, kind: { enum: ['agree', 'problems'], title: '结论' } },
    });
    const errors = forms.check(forms.get('f')!, { reason: '', days: 31, kind: 'maybe', extra: 1 });
    expect(errors).to.deep.include.members([
      { field: 'reason', message: '「理由」不能为空' },
      { field: 'days', message: '「天数」不能大于 30' },
      { field: 'kind', message: '「结论」须为以下之一：agree、problems' },
      { field: '', message: '表单中没有「extra」这一项' },
    ]);
  });
});
