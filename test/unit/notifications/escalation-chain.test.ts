import { expect } from 'chai';
import { Organisation } from '../../../src/notifications/organisation.ts';
import { parseOffset, parseStepList, PolicyError } from '../../../src/notifications/reminder-policy.ts';

describe('Unit: the escalation chain and reminder offsets', () => {
  const org = new Organisation([
    { name: '局领导', head: 'head1', parent: null },
    { name: '执法支队', head: 'manager1', parent: '局领导' },
    { name: '一大队', head: null, parent: '执法支队' },
    { name: '法制审核科', head: null, parent: '局领导' },
  ]);

  it('escalates to the head of the department above, inherited where a department has none of its own', () => {
    expect([org.headOf('执法支队'), org.headAbove('执法支队')]).to.deep.equal(['manager1', 'head1']);
    expect([org.headOf('一大队'), org.headAbove('一大队')], 'a team without a head: its department head, then the one above').to.deep.equal(['manager1', 'manager1']);
    expect(org.headAbove('法制审核科'), 'an office without its own head still escalates to the leadership').to.equal('head1');
    expect(org.headAbove('局领导'), 'the top hears of its own missed limits').to.equal('head1');
    expect(org.headAbove('不存在的部门')).to.equal(null);
  });

  it('refuses an offset the reminder scan cannot reach, naming it', () => {
    expect(parseOffset('-P10WD')).to.equal(-10);
    expect(() => parseOffset('-P11WD')).to.throw(PolicyError, '"-P11WD" is more than 10 working days');
    expect(() => parseStepList('-P3D:assignee', 'penalty/investigation zhifa:reminders')).to.throw(PolicyError, 'must be -P<n>WD');
  });
});
