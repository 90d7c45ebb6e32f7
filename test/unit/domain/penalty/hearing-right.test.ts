import { expect } from 'chai';
import path from 'node:path';
import { decideHearingRight, loadHearingRightRules } from '../../../../src/domain/penalty/hearing-right.ts';
import { noticeServedOn } from '../../../../src/domain/penalty/notice-service.ts';

const rules = loadHearingRightRules(path.resolve(import.meta.dirname, '../../../../rules/hearing-right.json'));
const right = (partyType: string, kinds: string[], amount?: number) => decideHearingRight(rules, { partyType, proposedPenaltyKinds: kinds, proposedFineAmount: amount }).hearingRight;

describe('domain: the hearing right (处罚法 art. 63; 生态环境行政处罚办法 art. 89) and the day a notice is served', () => {
  it('a large fine is from 5,000 yuan for a natural person and from 200,000 for a legal person, the threshold included', () => {
    expect([right('自然人', ['fine'], 4999), right('自然人', ['fine'], 5000)]).to.deep.equal([false, true]);
    expect([right('法人及非法人组织', ['fine'], 199999), right('法人及非法人组织', ['fine'], 200000)]).to.deep.equal([false, true]);
    expect(right('法人及非法人组织', ['warning'], 300000), 'an amount without a fine or confiscation').to.equal(false);
  });

  it('revocation, suspension, closure and the other listed kinds give the right whatever the amount; a warning does not', () => {
    for (const k of ['suspendPermit', 'revokePermit', 'lowerQualification', 'suspendProduction', 'closeDown', 'limitProduction', 'limitEmployment']) expect(right('自然人', [k]), k).to.equal(true);
    expect(right('自然人', ['warning'])).to.equal(false);
  });

  it('民诉法 art. 95: 公告送达 takes effect 30 days after publication; other ways on the receipt date', () => {
    expect(noticeServedOn({ noticeServiceMethod: '公告送达', noticePublishedOn: '2026-05-20' })).to.equal('2026-06-19');
    expect(noticeServedOn({ noticeServiceMethod: '邮寄送达', noticeReceivedOn: '2026-05-22' })).to.equal('2026-05-22');
  });
});
