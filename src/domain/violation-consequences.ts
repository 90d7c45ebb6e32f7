import { penaltyKindLabel } from './penalty/penalty-kinds.ts';
import type { HearingRightRules } from './penalty/hearing-right.ts';
import { askCatalog, type Catalog } from './review-catalog.ts';
import type { PenaltyOption, PenaltyRange, ViolationEntry } from './violation-library.ts';

/**
 * What a violation type brings about procedurally, computed from the rules that decide it for a
 * case, never stored twice: the hearing right (rules/hearing-right.json, 处罚法 art. 63) and the
 * legal review (the legal-review catalog in force, 处罚法 art. 58). The library gives the kinds
 * and the fine range the provision allows; these rules give the thresholds. The answer is a level
 * and the sentences that explain it, per kind of party where the thresholds differ.
 */
export type Level = 'always' | 'depends' | 'never';
export interface Consequence {
  level: Level;
  reasons: string[];
}

/** Amounts in figures as the laws write them: 20万元, 5000元. */
const yuan = (n: number) => (n >= 10000 && n % 10000 === 0 ? `${n / 10000}万元` : `${n}元`);
const optionName = (p: PenaltyOption) => p.wording ?? penaltyKindLabel(p.kind);

/** The lowest and highest fine the range allows, where it can be known before the case's facts. */
function fineBounds(r: PenaltyRange): { low: number; high: number | null } {
  if (r.type === 'amount') return { low: r.min ?? 0, high: r.max };
  if (r.type === 'multiple') return { low: r.baseAtLeast !== undefined ? r.min * r.baseAtLeast : 0, high: null };
  return { low: 0, high: null }; // a proportion of an investment: the amount depends on the case
}

/** Party types with the same threshold, named together: 自然人、个体工商户. */
function byThreshold(thresholds: Record<string, number>): Array<[number, string]> {
  const groups = new Map<number, string[]>();
  for (const [party, t] of Object.entries(thresholds)) groups.set(t, [...(groups.get(t) ?? []), party]);
  return [...groups].map(([t, parties]) => [t, parties.join('、')]);
}

/** How a fine range meets a threshold, for the parties that share it. */
function fineSentence(range: PenaltyRange, threshold: number, parties: string, effect: string): { level: Level; reason: string } {
  const { low, high } = fineBounds(range);
  if (low >= threshold) return { level: 'always', reason: `对${parties}：法定罚款不低于${yuan(low)}，已达到${yuan(threshold)}，${effect}` };
  if (high !== null && high < threshold) return { level: 'never', reason: `对${parties}：法定罚款最高${yuan(high)}，未达到${yuan(threshold)}` };
  return { level: 'depends', reason: `对${parties}：拟罚款达到${yuan(threshold)}的，${effect}` };
}

function combine(levels: Level[], reasons: string[]): Consequence {
  const level: Level = levels.includes('always') ? 'always' : levels.includes('depends') ? 'depends' : 'never';
  return { level, reasons };
}

/** Whether the party may ask for a hearing, from the kinds and the fine range (hearing-right.json). */
export function hearingConsequence(entry: ViolationEntry, rules: HearingRightRules): Consequence {
  const levels: Level[] = [];
  const reasons: string[] = [];
  for (const p of entry.penalties.filter((p) => rules.kinds.includes(p.kind))) {
    levels.push(p.mandatory ? 'always' : 'depends');
    reasons.push(`${p.condition ? `${p.condition}，` : ''}拟${optionName(p)}的，当事人有权要求听证`);
  }
  for (const p of entry.penalties.filter((p) => rules.amountKinds.includes(p.kind) && p.range)) {
    const perParty = byThreshold(rules.largeAmountAtLeast).map(([t, parties]) => fineSentence(p.range!, t, parties, '当事人有权要求听证'));
    // "always" for one kind of party only is not always: the case's party decides.
    const all = perParty.every((s) => s.level === 'always') ? 'always' : perParty.some((s) => s.level !== 'never') ? 'depends' : 'never';
    levels.push(p.mandatory ? all : all === 'never' ? 'never' : 'depends');
    reasons.push(...perParty.map((s) => s.reason));
  }
  return combine(levels, reasons);
}

/** The catalog's fine threshold for one kind of party: the lowest fineAmountAtLeast of a rule that asks only party and amount. */
function reviewThresholds(catalog: Catalog): Record<string, number> {
  const out: Record<string, number> = {};
  for (const { when } of catalog.rules) {
    const others = Object.keys(when).filter((k) => !['partyType', 'fineAmountAtLeast', 'procedure'].includes(k));
    if (when.fineAmountAtLeast === undefined || others.length || (when.procedure && !when.procedure.includes('penalty'))) continue;
    for (const party of when.partyType ?? ['当事人']) out[party] = Math.min(out[party] ?? Infinity, when.fineAmountAtLeast);
  }
  return out;
}

/** Whether the decision needs a passed legal review before it is made, from the catalog in force. */
export function legalReviewConsequence(entry: ViolationEntry, catalog: Catalog): Consequence {
  const levels: Level[] = [];
  const reasons: string[] = [];
  for (const p of entry.penalties.filter((p) => p.kind !== 'fine')) {
    const answer = askCatalog(catalog, { procedure: 'penalty', proposedPenaltyKinds: [p.kind] });
    if (!answer.legalReviewRequired) continue;
    levels.push(p.mandatory ? 'always' : 'depends');
    reasons.push(`${p.condition ? `${p.condition}，` : ''}拟${optionName(p)}的，须经法制审核（${answer.legalReviewRuleLabel}）`);
  }
  const thresholds = reviewThresholds(catalog);
  for (const p of entry.penalties.filter((p) => p.kind === 'fine' && p.range)) {
    const perParty = byThreshold(thresholds).map(([t, parties]) => fineSentence(p.range!, t, parties, '须经法制审核'));
    if (!perParty.length) continue;
    const all = perParty.every((s) => s.level === 'always') ? 'always' : perParty.some((s) => s.level !== 'never') ? 'depends' : 'never';
    levels.push(all);
    reasons.push(...perParty.map((s) => s.reason));
  }
  return combine(levels, reasons);
}
