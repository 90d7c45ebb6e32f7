import path from 'node:path';
import { expect } from 'chai';
import { checkDateOrder } from '../../../src/domain/date-order.ts';
import { FormRegistry } from '../../../src/domain/forms.ts';
import { ROOT } from '../../helpers/server.ts';

/** The date pairs a form may not reverse, from rules/<procedure>-date-order.json: one rule the API and the pages both go through. */
describe('Unit: date order of a case (x-zhifa.dateOrder)', () => {
  const forms = new FormRegistry();
  forms.loadDirectory(path.join(ROOT, 'forms'));
  const today = '2026-03-20';

  it('a hearing is not recorded as held before the day it was scheduled for (penalty and permit)', () => {
    for (const [procedure, formKey] of [['penalty', 'penalty-hearing'], ['permit', 'permit-hearing']] as const) {
      expect(forms.get(formKey)!.schema['x-zhifa']).to.include({ dateOrder: procedure });
      expect(checkDateOrder(procedure, { hearingHeldOn: '2026-03-10' }, { hearingDate: '2026-03-16' }, today)).to.deep.equal([
        { field: 'hearingHeldOn', message: '「听证举行日期」（2026-03-10）不能早于「听证日期」（2026-03-16）' },
      ]);
      expect(checkDateOrder(procedure, { hearingHeldOn: '2026-03-16' }, { hearingDate: '2026-03-16' }, today), 'held on the day').to.deep.equal([]);
    }
  });

  it('a licence does not end before it starts, and its validity may lie in the future', () => {
    expect(forms.get('permit-decision')!.schema['x-zhifa']).to.include({ dateOrder: 'permit' });
    expect(checkDateOrder('permit', { validFrom: '2026-04-01', validUntil: '2026-03-31' }, {}, today)).to.deep.equal([
      { field: 'validUntil', message: '「有效期至」（2026-03-31）不能早于「有效期自」（2026-04-01）' },
    ]);
    expect(checkDateOrder('permit', { validFrom: '2026-04-01', validUntil: '2031-03-31' }, {}, today)).to.deep.equal([]);
  });
});
