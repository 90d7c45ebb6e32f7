import { expect } from 'chai';
import { parseStrictJson } from '../../src/json-file.ts';

describe('Unit: administrators\' JSON files are read strictly', () => {
  it('refuses a key given twice in one object, naming it and its line (a second "x-zhifa" would drop the first one\'s rules)', () => {
    const form = '{\n  "title": "送达",\n  "x-zhifa": { "dateOrder": "penalty" },\n  "properties": {},\n  "x-zhifa": { "issueDocuments": [] }\n}';
    expect(() => parseStrictJson(form, 'forms/x.json')).to.throw('forms/x.json: the key "x-zhifa" appears twice in one object (line 5)');
  });

  it('accepts equal keys in different objects, keys inside strings and arrays, and escaped quotes', () => {
    const text = '{"a": {"k": 1}, "b": {"k": "x\\"k\\": 2"}, "c": [{"k": 1}, {"k": 2}], "d": "{\\"a\\": 1}"}';
    expect(parseStrictJson(text, 'rules/x.json')).to.deep.equal({ a: { k: 1 }, b: { k: 'x"k": 2' }, c: [{ k: 1 }, { k: 2 }], d: '{"a": 1}' });
  });

  it('still names a syntax error as JSON.parse does', () => {
    expect(() => parseStrictJson('{"a": }', 'rules/x.json')).to.throw(SyntaxError);
  });
});
