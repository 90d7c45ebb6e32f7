import { expect } from 'chai';
import { Ajv } from 'ajv';
import { fieldErrors } from '../../src/domain/form-messages.ts';

/** Validation messages name fields by their titles, at any depth: a person never reads a property name. */
describe('Form messages', () => {
  const schema = {
    type: 'object',
    required: ['facts', 'evidence'],
    properties: {
      facts: { type: 'string', title: '违法事实' },
      evidence: {
        type: 'array', title: '证据清单',
        items: { type: 'object', required: ['name', 'kind'], properties: { name: { type: 'string', title: '证据名称' }, kind: { type: 'string', title: '证据种类', enum: ['书证', '物证'] } } },
      },
    },
  };
  const check = (data: unknown) => {
    const validate = new Ajv({ allErrors: true }).compile(schema);
    validate(data);
    return fieldErrors(validate.errors ?? [], schema);
  };

  it('names a missing top-level field by its title', () => {
    expect(check({ evidence: [] })).to.deep.equal([{ field: 'facts', message: '「违法事实」为必填项' }]);
  });

  it('names a missing or wrong value in a list row by the list, the row and the column, and files it under the list field', () => {
    const errors = check({ facts: '偷排', evidence: [{ name: '采样记录', kind: '书证' }, { name: '照片' }, { name: '视频', kind: '录像' }] });
    expect(errors).to.deep.equal([
      { field: 'evidence', message: '「证据清单」第 2 行「证据种类」为必填项' },
      { field: 'evidence', message: '「证据清单」第 3 行「证据种类」须为以下之一：书证、物证' },
    ]);
    expect(errors.map((e) => e.message).join()).not.to.match(/kind|name/);
  });
});
