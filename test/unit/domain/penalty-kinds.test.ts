import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { penaltyKinds } from '../../../src/domain/penalty/penalty-kinds.ts';
import { ROOT } from '../../helpers/server.ts';

/** 处罚法 art. 9: one catalog of penalty kinds (rules/penalty-kinds.json) for the proposal, the decision, documents and publication. */
describe('Unit: the penalty kinds of the forms are the catalog of rules/penalty-kinds.json', () => {
  const field = (form: string, name: string) => JSON.parse(fs.readFileSync(path.join(ROOT, 'forms', `${form}.json`), 'utf8')).properties[name];

  for (const [form, name] of [['penalty-case-review', 'proposedPenaltyKinds'], ['penalty-decision', 'decidedPenaltyKinds']] as const) {
    it(`${form}.${name} offers every kind of the catalog, with its Chinese name`, () => {
      const f = field(form, name);
      expect(f.items.enum).to.deep.equal(Object.keys(penaltyKinds()));
      expect(f['x-ui'].labels).to.deep.equal(penaltyKinds());
    });
  }

  it('the catalog names 通报批评 (added to art. 9 in 2021)', () => {
    expect(penaltyKinds()).to.include({ criticism: '通报批评', fine: '罚款', closeDown: '责令关闭' });
  });
});
