import { penaltyKindLabel } from './penalty/penalty-kinds.ts';
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
    /** A permit's 申请事项 (matter, free text on the start form) names one of these matters of the agency's catalog. */
    matterIncludesAny?: string[];
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

const CONDITIONS = new Set(['partyType', 'fineAmountAtLeast', 'penaltyKindsAny', 'procedure', 'matterIncludesAny', 'flag']);

/** A catalog that fails the checks; the message names the rule and what is wrong, in the agency's words. */
export class CatalogError extends Error {}

export function loadCatalog(file: string): Catalog {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new CatalogError(`legal-review catalog ${file} cannot be read: ${err instanceof Error ? err.message : String(err)}`);
  }
  return parseCatalog(text, file);
}

/** The checks a catalog passes before it is used, whether read from its file at start or edited by an administrator. */
export function parseCatalog(text: string, source: string): Catalog {
  let data: Catalog;
  try {
    data = JSON.parse(text) as Catalog;
  } catch (err) {
    throw new CatalogError(`法制审核目录（${source}）不是有效的 JSON：${err instanceof Error ? err.message : String(err)}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new CatalogError(`法制审核目录（${source}）应是一个 JSON 对象 { "title", "version", "rules" }`);
  if (!Array.isArray(data.rules) || !data.version || typeof data.version !== 'string') throw new CatalogError(`法制审核目录（${source}）需要 "version"（文字）和 "rules"（规则列表）`);
  const ids = new Set<string>();
  for (const r of data.rules) {
    const when = r && typeof r === 'object' ? r.when : undefined;
    const unknown = when && typeof when === 'object' ? Object.keys(when).filter((k) => !CONDITIONS.has(k)) : [];
    if (!r || typeof r !== 'object' || !r.id || !r.label || !when || typeof when !== 'object' || unknown.length) {
      throw new CatalogError(`法制审核目录（${source}）：规则 ${r?.id ?? '?'} 需要 id、label 和 when 条件（可用：${[...CONDITIONS].join(', ')}）${unknown.length ? `，未知条件：${unknown.join(', ')}` : ''}`);
    }
    if (ids.has(r.id)) throw new CatalogError(`法制审核目录（${source}）：规则 id「${r.id}」重复，案件记录以 id 指认所依据的规则`);
    ids.add(r.id);
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
  // Before the decision the case knows the proposed penalty (案件审查: codes of rules/penalty-kinds.json).
  if (when.fineAmountAtLeast !== undefined && !(Number(v.proposedFineAmount ?? v.fineAmount ?? 0) >= when.fineAmountAtLeast)) return false;
  if (when.penaltyKindsAny) {
    const kinds = Array.isArray(v.proposedPenaltyKinds) ? v.proposedPenaltyKinds.map((k) => penaltyKindLabel(String(k))) : Array.isArray(v.penaltyKinds) ? v.penaltyKinds.map(String) : [];
    if (!when.penaltyKindsAny.some((k) => kinds.includes(k))) return false;
  }
  if (when.procedure && !when.procedure.includes(String(v.procedure))) return false;
  if (when.matterIncludesAny && !when.matterIncludesAny.some((m) => String(v.matter ?? '').includes(m))) return false;
  if (when.flag && v[when.flag] !== true) return false;
  return true;
}
