import fs from 'node:fs';

/**
 * The legal-review catalog (法制审核目录清单): which decisions are major and need a passed legal
 * review. Data the agency edits (rules/legal-review-catalog.json); each rule is a conjunction of
 * conditions on the case variables, and the first rule that matches is recorded with the answer.
 */
export interface CatalogRule {
  id: string;
  label: string;
  when: {
    partyType?: string[];
    fineAmountAtLeast?: number;
    penaltyKindsAny?: string[];
    procedure?: string[];
    flag?: string;
  };
}

export interface Catalog {
  title: string;
  version: string;
  rules: CatalogRule[];
}

export interface CatalogAnswer {
  legalReviewRequired: boolean;
  legalReviewRule: string | null;
  legalReviewRuleLabel: string | null;
  legalReviewCatalogVersion: string;
}

const CONDITIONS = new Set(['partyType', 'fineAmountAtLeast', 'penaltyKindsAny', 'procedure', 'flag']);

export function loadCatalog(file: string): Catalog {
  let data: Catalog;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8')) as Catalog;
  } catch (err) {
    throw new Error(`legal-review catalog ${file} cannot be read: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!Array.isArray(data.rules) || !data.version) throw new Error(`legal-review catalog ${file} needs "version" and "rules"`);
  for (const r of data.rules) {
    const unknown = Object.keys(r.when ?? {}).filter((k) => !CONDITIONS.has(k));
    if (!r.id || !r.label || !r.when || unknown.length) {
      throw new Error(`legal-review catalog ${file}: rule ${r.id ?? '?'} needs id, label and conditions among ${[...CONDITIONS].join(', ')}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}`);
    }
  }
  return data;
}

export function askCatalog(catalog: Catalog, v: Record<string, unknown>): CatalogAnswer {
  const rule = catalog.rules.find((r) => matches(r, v));
  return {
    legalReviewRequired: Boolean(rule),
    legalReviewRule: rule?.id ?? null,
    legalReviewRuleLabel: rule?.label ?? null,
    legalReviewCatalogVersion: catalog.version,
  };
}

function matches({ when }: CatalogRule, v: Record<string, unknown>): boolean {
  if (when.partyType && !when.partyType.includes(String(v.partyType))) return false;
  if (when.fineAmountAtLeast !== undefined && !(Number(v.fineAmount ?? 0) >= when.fineAmountAtLeast)) return false;
  if (when.penaltyKindsAny) {
    const kinds = Array.isArray(v.penaltyKinds) ? v.penaltyKinds.map(String) : [];
    if (!when.penaltyKindsAny.some((k) => kinds.includes(k))) return false;
  }
  if (when.procedure && !when.procedure.includes(String(v.procedure))) return false;
  if (when.flag && v[when.flag] !== true) return false;
  return true;
}
