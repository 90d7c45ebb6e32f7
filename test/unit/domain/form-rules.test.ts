import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { formRulesProblems } from '../../../src/domain/form-rules.ts';
import { FormRegistry } from '../../../src/domain/forms.ts';

describe('domain: x-zhifa rules are checked when a form loads', () => {
  const form = (rules: unknown) => ({ type: 'object', properties: { investigators: { type: 'array', title: '调查人员' }, paidOn: { type: 'string' }, paidAmount: { type: 'number' } }, 'x-zhifa': rules });

  it('stops the start on a misspelled rule, naming the file and the rule (the certified-officer check would be dropped)', () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'zhifa-rules-'));
    fs.writeFileSync(path.join(d, 'investigation.json'), JSON.stringify(form({ certifedOfficers: ['investigators'] })));
    expect(() => new FormRegistry().loadDirectory(d)).to.throw(/investigation\.json cannot be used: x-zhifa: unknown rule "certifedOfficers"/);
  });

  it('refuses a rule whose argument is of the wrong kind or names a field the form lacks', () => {
    expect(formRulesProblems({ certifiedActor: 'yes' }, [])).to.deep.equal(['x-zhifa.certifiedActor: must be true or false']);
    expect(formRulesProblems({ requiresPassedReview: 1 }, [])).to.deep.equal(['x-zhifa.requiresPassedReview: must be true or false']);
    expect(formRulesProblems({ certifiedOfficers: ['officers'] }, ['investigators'])).to.deep.equal(['x-zhifa.certifiedOfficers: "officers" is not a field of the form']);
    expect(formRulesProblems({ certifiedOfficers: 'investigators' }, ['investigators'])).to.deep.equal(['x-zhifa.certifiedOfficers: must be a non-empty list of field names']);
    expect(formRulesProblems({ excludeActorsIn: [] }, [])).to.have.length(1);
    expect(formRulesProblems({ recordActorAs: ['a'] }, [])).to.deep.equal(['x-zhifa.recordActorAs: must name the case variable that keeps the username']);
    expect(formRulesProblems({ issueDocuments: [3] }, [])).to.have.length(1);
    expect(formRulesProblems({ finePayment: 'paidOn' }, [])[0]).to.match(/^x-zhifa\.finePayment: must be/);
    expect(formRulesProblems({ finePayment: { paidOn: 'paidOn', paidAmount: 'amount' } }, ['paidOn'])).to.deep.equal(['x-zhifa.finePayment: "amount" is not a field of the form']);
    expect(formRulesProblems({ periodsAfter: [{ field: 'x', period: 'P7WD' }] }, [])).to.deep.equal(['x-zhifa.periodsAfter: "x" is not a field of the form']);
    expect(formRulesProblems([], [])).to.deep.equal(['x-zhifa must be an object of rules']);
    expect(() => new FormRegistry().add('f', form({ certifiedActor: 'true' }))).to.throw(/certifiedActor: must be true or false/);
  });

  it('accepts every rule the shipped forms use', () => {
    const forms = new FormRegistry();
    expect(forms.loadDirectory(path.resolve(import.meta.dirname, '../../../forms'))).to.be.greaterThan(40);
    expect(formRulesProblems({ certifiedOfficers: ['investigators'], certifiedActor: true, requiresPassedReview: false, excludeActorsIn: ['handledBy'], recordActorAs: 'handler', issueDocuments: ['penalty-decision'] }, ['investigators'])).to.deep.equal([]);
  });
});
