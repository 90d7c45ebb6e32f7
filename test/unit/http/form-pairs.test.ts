import { expect } from 'chai';
import { bodyOfPairs } from '../../../src/http/web/shared/form-pairs.ts';

/** A task form sent as multipart (with an evidence file) reads as the same body as the urlencoded post. */
describe('bodyOfPairs', () => {
  it('makes repeated names a list, `name[i][prop]` the rows of a table, and keeps single values as text', () => {
    const body = bodyOfPairs([
      ['_csrf', 't'],
      ['officers', 'officer1'],
      ['officers', 'officer2'],
      ['seizureItems[0][name]', '水泵'],
      ['seizureItems[0][quantity]', '3'],
      ['seizureItems[1][name]', '管道'],
      ['party', '泸溪县某冶炼厂'],
      ['items', '营业执照'],
    ]);
    expect(body).to.deep.equal({ _csrf: 't', officers: ['officer1', 'officer2'], seizureItems: { 0: { name: '水泵', quantity: '3' }, 1: { name: '管道' } }, party: '泸溪县某冶炼厂', items: '营业执照' });
  });

  it('gives no prototype to write to', () => {
    const body = bodyOfPairs([['__proto__[0][polluted]', 'yes'], ['constructor', 'x']]);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(body.constructor).to.equal('x');
  });
});
