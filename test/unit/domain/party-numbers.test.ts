import { expect } from 'chai';
import { formatCaseNumber } from '../../../src/domain/case-numbers.ts';
import { parseCaseQuery } from '../../../src/domain/case-query.ts';
import { checkPartyInput, partyStartVariables } from '../../../src/domain/parties.ts';
import { creditCodeCheckChar, creditCodeProblem, idNumberProblem, normaliseNumber } from '../../../src/domain/party-numbers.ts';
import { ZhifaError } from '../../../src/errors.ts';

describe('统一社会信用代码 (GB 32100-2015): check character over the first 17', () => {
  // Codes printed on real business licences (national enterprise credit publicity system).
  for (const code of ['91350100M000100Y43', '91110000100006485K', '91440300708461136T', '911100007109288314', '91110108551385082Q']) {
    it(`accepts ${code}`, () => expect(creditCodeProblem(code)).to.equal(null));
  }
  it('computes the check character (…12345 → F)', () => expect(creditCodeCheckChar('91433100MA4L12345')).to.equal('F'));
  it('refuses a mistyped check character, naming it', () => expect(creditCodeProblem('91433100MA4L12345X')).to.include('校验位不符'));
  it('refuses one changed character (two digits swapped)', () => expect(creditCodeProblem('91350100M000010Y43')).to.include('校验位不符'));
  it('refuses the letters the standard leaves out (I, O, S, V, Z)', () => expect(creditCodeProblem('91350100M000I00Y43')).to.include('「I」'));
  it('refuses a code of the wrong length', () => expect(creditCodeProblem('9135010')).to.include('18位'));
});

describe('公民身份号码 (GB 11643-1999): MOD 11-2 check and the date of birth', () => {
  it('accepts the standard\'s own examples', () => {
    expect(idNumberProblem('11010519491231002X', '2026-03-02')).to.equal(null);
    expect(idNumberProblem('440524188001010014', '2026-03-02')).to.equal(null);
  });
  it('refuses a wrong check character', () => expect(idNumberProblem('110105194912310021', '2026-03-02')).to.include('校验码不符'));
  it('refuses an impossible date of birth (30 February)', () => expect(idNumberProblem('110105194902300011', '2026-03-02')).to.include('19490230'));
  it('refuses a date of birth after today', () => expect(idNumberProblem('11010520990101000X', '2026-03-02')).to.include('晚于今天'));
  it('refuses a lower-case x and 15-digit numbers as typed; normaliseNumber upper-cases and strips spaces', () => {
    expect(idNumberProblem('11010519491231002x', '2026-03-02')).to.include('18位');
    expect(idNumberProblem('110105491231002', '2026-03-02')).to.include('18位');
    expect(normaliseNumber(' 110105 19491231002x ')).to.equal('11010519491231002X');
  });
});

describe('checkPartyInput: a party registered once, checked field by field', () => {
  const ok = { partyType: '法人及非法人组织', name: ' 湘西某化工有限公司 ', creditCode: '91433100ma4l12345f', legalRepresentative: '李四', address: '吉首市' };
  it('normalises and keeps a valid organisation', () => {
    expect(checkPartyInput(ok, '2026-03-02')).to.deep.include({ name: '湘西某化工有限公司', creditCode: '91433100MA4L12345F', idNumber: null, legalRepresentative: '李四' });
  });
  it('refuses every problem at once, each naming its field', () => {
    try {
      checkPartyInput({ partyType: '法人及非法人组织', name: '', creditCode: '91433100MA4L12345X' }, '2026-03-02');
      expect.fail('accepted');
    } catch (err) {
      expect(err).to.be.instanceOf(ZhifaError);
      const fields = ((err as ZhifaError).extra!.errors as Array<{ field: string }>).map((e) => e.field);
      expect(fields).to.deep.equal(['name', 'creditCode', 'legalRepresentative']);
    }
  });
  it('a natural person is known by an ID number, not a credit code', () => {
    expect(() => checkPartyInput({ partyType: '自然人', name: '王五', creditCode: '91350100M000100Y43' }, '2026-03-02')).to.throw('自然人没有统一社会信用代码');
    expect(checkPartyInput({ partyType: '自然人', name: '王五', idNumber: '11010519491231002X' }, '2026-03-02').idNumber).to.equal('11010519491231002X');
  });
  it('fills only the party fields the start form declares', () => {
    const party = checkPartyInput(ok, '2026-03-02');
    expect(partyStartVariables(party, new Set(['applicant', 'partyType', 'creditCode', 'matter']), { matter: 'x' })).to.deep.equal({ matter: 'x', applicant: '湘西某化工有限公司', partyType: '法人及非法人组织', creditCode: '91433100MA4L12345F' });
  });
});

describe('formatCaseNumber: the pattern of rules/case-numbers.json', () => {
  it('fills agency, code, year and number, padded when asked', () => {
    expect(formatCaseNumber('{agency}{code}〔{year}〕{no}号', { agency: '湘西环', code: '罚立', year: 2026, no: 7 })).to.equal('湘西环罚立〔2026〕7号');
    expect(formatCaseNumber('{agency}{code}〔{year}〕{no:3}号', { agency: '湘西环', code: '罚立', year: 2026, no: 7 })).to.equal('湘西环罚立〔2026〕007号');
  });
});

describe('parseCaseQuery: a list query refused in words when it cannot be read', () => {
  const procedures = new Set(['penalty', 'permit']);
  const parse = (q: Record<string, unknown>) => parseCaseQuery(q, procedures, { scope: 'all', limit: 50 });
  const refused = (q: Record<string, unknown>, words: string) => {
    try {
      parse(q);
      expect.fail('accepted');
    } catch (err) {
      expect((err as ZhifaError).status).to.equal(400);
      expect((err as ZhifaError).detail).to.include(words);
    }
  };
  it('reads dates as Shanghai days (the end day included) and pages as limit/offset or page/pageSize', () => {
    const q = parse({ from: '2026-03-01', to: '2026-03-01', page: '3', pageSize: '10' });
    expect(new Date(q.filter.from!).toISOString()).to.equal('2026-02-28T16:00:00.000Z');
    expect(new Date(q.filter.before!).toISOString()).to.equal('2026-03-01T16:00:00.000Z');
    expect([q.limit, q.offset]).to.deep.equal([10, 20]);
    expect([parse({}).limit, parse({}).offset, parse({}).scope]).to.deep.equal([50, 0, 'all']);
  });
  it('refuses unknown values, impossible dates, reversed ranges and bad page numbers', () => {
    refused({ procedure: 'tax' }, '没有程序「tax」');
    refused({ status: 'done' }, '状态（status）应为');
    refused({ scope: 'everyone' }, '范围（scope）');
    refused({ from: '2026-02-30' }, '应为日期');
    refused({ from: '2026-03-05', to: '2026-03-01' }, '早于起始日期');
    refused({ limit: '0' }, '1 到 200');
    refused({ limit: '500' }, '1 到 200');
    refused({ offset: '-1' }, '整数');
    refused({ party: ['a', 'b'] }, '只能给一次');
  });
});
