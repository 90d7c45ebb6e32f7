import type { ServiceRegistry } from '../engine/services.ts';
import type { DbOrTx } from '../store/db.ts';
import type { ServiceContext } from '../workflow/service-context.ts';
import { askCatalog, type Catalog } from './review-catalog.ts';

/** Where the catalog in force comes from when it can change while the server runs (see review-catalogs.ts). */
export interface CatalogSource {
  current(db: DbOrTx): Promise<Catalog>;
}

/**
 * Services the enforcement diagrams call:
 * - `${services.reviewCatalog}` asks the legal-review catalog about the case and sets
 *   legalReviewRequired, legalReviewRule(Label) and legalReviewCatalogVersion;
 * - `${services.legalReviewPassed}` sets legalReviewPassed from the review's outcome
 *   (reviewOpinion = "agree", or a binding collective decision "agree");
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
  registry.register('legalReviewPassed', ({ variables }) => ({
    legalReviewPassed: variables.reviewOpinion === 'agree' || variables.collectiveDecision === 'agree',
  }));
}
