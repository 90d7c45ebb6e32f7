import type { ServiceRegistry } from '../engine/services.ts';
import type { DbOrTx } from '../store/db.ts';
import type { ServiceContext } from '../workflow/service-context.ts';
import { legalReviewOutcome } from './legal-review-outcome.ts';
import { askCatalog, type Catalog } from './review-catalog.ts';

/** Where the catalog in force comes from when it can change while the server runs (see review-catalogs.ts). */
export interface CatalogSource {
  current(db: DbOrTx): Promise<Catalog>;
}

/**
 * Services the enforcement diagrams call:
 * - `${services.reviewCatalog}` asks the legal-review catalog about the case and sets
 *   legalReviewRequired, legalReviewRule(Label) and legalReviewCatalogVersion;
 * - `${services.legalReviewStarted}` marks a review begun: legalReviewPassed false, legalReviewOutcome "pending";
 * - `${services.legalReviewPassed}` records how the review ended: legalReviewPassed only when the
 *   reviewer agreed, legalReviewOutcome also when coordination or collective discussion decided
 *   to go ahead despite the problems found (legal-review-outcome.ts);
 * - `${services.setVariable('acceptedBySilence', 'true')}` records a fact on a path that has no
 *   form (a timer that fired): 'true' and 'false' become booleans, anything else stays text.
 */
export function registerEnforcementServices(registry: ServiceRegistry, catalog: Catalog | CatalogSource): void {
  registry.register('reviewCatalog', async ({ variables, context }) => {
    const inForce = 'current' in catalog ? await catalog.current((context as ServiceContext).tx) : catalog;
    return { ...askCatalog(inForce, variables) };
  });
  registry.register('setVariable', ({ args: [name, value] }) => {
    if (!name) throw new Error('setVariable needs a variable name and a value, e.g. (\'acceptedBySilence\', \'true\')');
    return { [name]: value === 'true' ? true : value === 'false' ? false : (value ?? null) };
  });
  registry.register('legalReviewStarted', () => ({ legalReviewPassed: false, legalReviewOutcome: 'pending' }));
  registry.register('legalReviewPassed', ({ variables }) => {
    const outcome = legalReviewOutcome(variables);
    return { legalReviewPassed: outcome === 'passed', legalReviewOutcome: outcome };
  });
}
