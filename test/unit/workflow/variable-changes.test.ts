import { expect } from 'chai';
import { changedVariables } from '../../../src/workflow/variable-changes.ts';

describe('changedVariables: what a called process hands back to its caller', () => {
  it('keeps what was added or changed and drops what the child only carried along', () => {
    const startedWith = { caseNo: 'A-1', status: 'open', party: { name: '某公司', codes: ['91433100MA4L12345F'] }, fine: 300000 };
    const now = { caseNo: 'A-2', status: 'open', party: { codes: ['91433100MA4L12345F'], name: '某公司' }, fine: 300000, opinion: 'agree', published: false };
    expect(changedVariables(startedWith, now)).to.deep.equal({ caseNo: 'A-2', opinion: 'agree', published: false });
  });

  it('compares values as they are stored, so a date read back as text is not a change', () => {
    expect(changedVariables({ decidedAt: '2026-03-02T02:00:00.000Z' }, { decidedAt: new Date('2026-03-02T02:00:00Z') })).to.deep.equal({});
    expect(changedVariables({ items: [1, 2] }, { items: [2, 1] })).to.deep.equal({ items: [2, 1] });
  });

  it('hands back a variable the child set to null, but not one it left undefined', () => {
    expect(changedVariables({ a: 1, b: 2 }, { a: null, b: 2, c: undefined })).to.deep.equal({ a: null });
  });
});
