import path from 'node:path';
import { expect } from 'chai';
import { askCatalog, loadCatalog } from '../../../src/domain/review-catalog.ts';

describe('domain: the legal-review catalog', () => {
  const catalog = loadCatalog(path.resolve(import.meta.dirname, '../../../rules/legal-review-catalog.json'));

  it('requires a review for a large fine, by party type, and records the rule that matched', () => {
    expect(askCatalog(catalog, { partyType: '自然人', fineAmount: 20000 })).to.include({ legalReviewRequired: true, legalReviewRule: 'fine-individual' });
    expect(askCatalog(catalog, { partyType: '自然人', fineAmount: 19999 }).legalReviewRequired).to.equal(false);
    expect(askCatalog(catalog, { partyType: '法人及非法人组织', fineAmount: 150000 }).legalReviewRequired).to.equal(false);
    expect(askCatalog(catalog, { partyType: '法人及非法人组织', fineAmount: 200000 }).legalReviewRule).to.equal('fine-organisation');
  });

  it('requires a review for revocation, suspension, seizure, a hearing, a complex case or a head\'s flag', () => {
    expect(askCatalog(catalog, { penaltyKinds: ['警告', '吊销许可证件'] }).legalReviewRule).to.equal('permit-revocation');
    expect(askCatalog(catalog, { penaltyKinds: ['责令停产停业'] }).legalReviewRule).to.equal('suspension');
    expect(askCatalog(catalog, { procedure: 'coercion' }).legalReviewRule).to.equal('seizure');
    expect(askCatalog(catalog, { hearingHeld: true }).legalReviewRule).to.equal('after-hearing');
    expect(askCatalog(catalog, { complexCase: true }).legalReviewRule).to.equal('complex');
    expect(askCatalog(catalog, { flaggedForReview: true }).legalReviewRuleLabel).to.equal('负责人认为需要审核的其他案件');
    expect(askCatalog(catalog, { penaltyKinds: ['警告'], fineAmount: 0 })).to.include({ legalReviewRequired: false, legalReviewRule: null, legalReviewCatalogVersion: '2026-2' });
  });
});

describe('domain: enforcement services', () => {
  it('setVariable records a fact as a boolean or text, and needs a name', async () => {
    const { ServiceRegistry } = await import('../../../src/engine/services.ts');
    const { registerEnforcementServices } = await import('../../../src/domain/enforcement-services.ts');
    const registry = new ServiceRegistry();
    registerEnforcementServices(registry, { title: 't', version: '1', rules: [] });
    const call = (args: string[]) => registry.get('setVariable')!({ instanceId: 'i', elementId: 'e', idempotencyKey: 'k', variables: {}, args, context: null });
    expect(await call(['acceptedBySilence', 'true'])).to.deep.equal({ acceptedBySilence: true });
    expect(await call(['outcome', 'released'])).to.deep.equal({ outcome: 'released' });
    expect(() => call([])).to.throw(/needs a variable name/);
  });
});
