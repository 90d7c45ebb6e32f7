import type { ServiceRegistry } from '../engine/services.ts';
import { askCatalog, type Catalog } from './review-catalog.ts';

/**
 * Services the enforcement diagrams call:
 * - `${services.reviewCatalog}` asks the legal-review catalog about the case and sets
 *   legalReviewRequired, legalReviewRule(Label) and legalReviewCatalogVersion;
 * - `${services.legalReviewPassed}` sets legalReviewPassed from the review's outcome
 *   (reviewOpinion = "agree", or a binding collective decision "agree").
 */
export function registerEnforcementServices(registry: ServiceRegistry, catalog: Catalog): void {
  registry.register('reviewCatalog', ({ variables }) => ({ ...askCatalog(catalog, variables) }));
  registry.register('legalReviewPassed', ({ variables }) => ({
    legalReviewPassed: variables.reviewOpinion === 'agree' || variables.collectiveDecision === 'agree',
  }));
}
