import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { violationTypeLabel, violationTypes } from '../../../src/domain/publication/violation-types.ts';
import { ROOT } from '../../helpers/server.ts';

/** 违法行为类型: one code list (rules/violation-types.json) for the case review and the publication. */
describe('Unit: the violation types of the case review are the code list of rules/violation-types.json', () => {
  it('penalty-case-review.violationType offers every type of the list, with its Chinese name', () => {
    const field = JSON.parse(fs.readFileSync(path.join(ROOT, 'forms', 'penalty-case-review.json'), 'utf8')).properties.violationType;
    expect(field.enum).to.deep.equal(Object.keys(violationTypes()));
    expect(field['x-ui'].labels).to.deep.equal(violationTypes());
  });

  it('names a chosen type; nothing chosen is empty (the publication then uses the 案由)', () => {
    expect(violationTypeLabel('air')).to.equal('大气污染防治违法行为');
    expect(violationTypeLabel(undefined)).to.equal('');
    expect(violationTypeLabel('  ')).to.equal('');
  });
});
