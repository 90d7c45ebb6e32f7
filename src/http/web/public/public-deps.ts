import type { Clock } from '../../../clock.ts';
import type { Catalog } from '../../../domain/review-catalog.ts';
import type { PublishedViolations } from '../../../domain/violation-view.ts';
import type { PublishedDiscretion } from '../../../domain/discretion-view.ts';
import type { Workflow } from '../../../workflow/workflow.ts';
import type { Views } from '../shared/views.ts';

export interface CatalogSource {
  /** The catalog in force: a revision saved by an administrator, else the file. */
  inForce(): Promise<{ catalog: Catalog; savedAt: number | null }>;
}

/** What the public platform needs: the published decisions and deployed processes (through the workflow), the catalog, the clock. */
export interface PublicDeps {
  workflow: Pick<Workflow, 'db' | 'definitions'>;
  clock: Clock;
  views: Views;
  reviewCatalogs: CatalogSource;
  /** The violation library (rules/violations/), read at start. */
  violations: Pick<PublishedViolations, 'all'>;
  /** The discretion benchmark (rules/discretion/), read at start. */
  discretion: Pick<PublishedDiscretion, 'all'>;
  /** Where random-inspection.json and av-recording-matters.json are; rules/ by default. */
  rulesDir?: string;
}
