import type { CaseDiscretionRecord } from '../../../domain/case-discretion.ts';
import type { TaskForm } from '../../../domain/forms.ts';
import { instanceValues } from '../../../workflow/case-reading.ts';
import { similarCases } from '../../../workflow/similar-cases.ts';

/** The forms whose pages show the discretion calculation: the case review, the decision, and the legal review sees it too. */
const SHOWN_ON = new Set(['penalty-case-review', 'penalty-decision', 'legal-review-review']);
/** 类案参考 is for who proposes and who decides the penalty. */
const SIMILAR_ON = new Set(['penalty-case-review', 'penalty-decision']);

/**
 * The discretion record of the case (read from the case, never recomputed) and, on the case review
 * and decision pages, the similar decided cases: what the partial discretion-panel draws.
 */
export async function discretionPanel(db: Parameters<typeof similarCases>[0], form: TaskForm | undefined, caseId: string) {
  if (!form || !SHOWN_ON.has(form.key)) return null;
  const vars = (await instanceValues(db, caseId))?.variables ?? {};
  if (typeof vars.violationCode !== 'string') return null;
  const d = vars.discretion as CaseDiscretionRecord | null;
  return {
    violationName: vars.violationName ?? '',
    discretion: d && {
      version: d.version, effectiveDate: d.effectiveDate, legalRange: d.legalRange.text, score: d.score,
      low: d.computedRange.low, high: d.computedRange.high, suggested: d.suggestedFine, steps: d.steps,
    },
    deviation: vars.discretionDeviation ?? null,
    similar: SIMILAR_ON.has(form.key) ? await similarCases(db, caseId, vars) : null,
  };
}
