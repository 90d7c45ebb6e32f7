import { expect } from 'chai';
import { quorumOf } from '../../../src/domain/collective-quorum.ts';
import { checkDateOrder } from '../../../src/domain/date-order.ts';
import { checkDecidedPenalty } from '../../../src/domain/decided-penalty.ts';
import { formRulesProblems } from '../../../src/domain/form-rules.ts';

describe('domain: the decision rules (rules/collective-discussion.json, rules/penalty-date-order.json, 处罚法 art. 45)', () => {
  it('处罚法 art. 57: the quorum is more than half of the heads and at least 3', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 9].map((n) => quorumOf(n))).to.deep.equal([3, 3, 3, 3, 3, 4, 4, 5]);
    expect(quorumOf(4, { group: 'heads', moreThanHalf: false, atLeast: 2 })).to.equal(2);
  });

  it('skips dates not yet recorded and checks only pairs with a date of this submission', () => {
    const caseVars = { filingDate: '2026-03-02', noticeDate: '2026-03-03', decisionDate: '2026-03-01' };
    expect(checkDateOrder('penalty', { serviceDate: '2026-03-05' }, caseVars, '2026-03-10')).to.deep.equal([]);
    expect(checkDateOrder('penalty', { serviceDate: '2026-03-02' }, caseVars, '2026-03-10')).to.deep.equal([
      { field: 'serviceDate', message: '「决定书送达日期」（2026-03-02）不能早于「告知日期」（2026-03-03）' },
    ]);
    expect(checkDateOrder('penalty', { hearingDate: '2026-04-01' }, { noticeDate: '2026-03-03' }, '2026-03-10'), 'a scheduled hearing may lie ahead').to.deep.equal([]);
  });

  it('refuses a form naming a date order that does not exist, or a quorum rule without members', () => {
    expect(formRulesProblems({ dateOrder: 'penalty' }, [])).to.deep.equal([]);
    expect(formRulesProblems({ dateOrder: 'penalti' }, [])[0]).to.match(/^x-zhifa\.dateOrder: no date order "penalti"/);
    expect(formRulesProblems({ collectiveQuorum: { members: 'members' } }, ['members'])).to.deep.equal([]);
    expect(formRulesProblems({ collectiveQuorum: { members: 'nobody' } }, ['members'])).to.deep.equal(['x-zhifa.collectiveQuorum: "nobody" is not a field of the form']);
  });

  it('处罚法 art. 45: compares with the notice\'s proposal when it exists, else with the case review (labels or codes)', () => {
    const decided = { decidedPenaltyKinds: ['fine'], decidedFineAmount: 6000 };
    expect(checkDecidedPenalty(decided, { penaltyKinds: ['罚款'], fineAmount: 5000 }).errors).to.have.length(1);
    expect(checkDecidedPenalty(decided, { penaltyKinds: ['罚款'], fineAmount: 5000, proposedPenaltyKinds: ['fine'], proposedFineAmount: 6000 }).errors).to.deep.equal([]);
    expect(checkDecidedPenalty({ decidedPenaltyKinds: ['warning'] }, { penaltyKinds: ['罚款'], fineAmount: 5000 }).errors[0]!.message).to.contain('增加了告知时未拟处的处罚种类（警告）');
    expect(checkDecidedPenalty({ decidedPenaltyKinds: ['fine'] }, { penaltyKinds: ['罚款'], fineAmount: 5000 }).errors).to.deep.equal([
      { field: 'decidedFineAmount', message: '决定罚款的，须填写「决定罚款金额（元）」' },
    ]);
  });
});
