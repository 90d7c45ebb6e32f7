import type { ServiceRegistry } from '../../engine/services.ts';
import { penaltyKindLabel } from './penalty-kinds.ts';
import { readJsonFile } from '../../json-file.ts';

/** rules/hearing-right.json: when a proposed penalty gives the party the right to a hearing (处罚法 art. 63). */
export interface HearingRightRules {
  version: string;
  largeAmountAtLeast: Record<string, number>;
  amountKinds: string[];
  kinds: string[];
}

export function loadHearingRightRules(file: string): HearingRightRules {
  const rules = readJsonFile(file) as HearingRightRules;
  const amounts = Object.values(rules.largeAmountAtLeast ?? {});
  if (!rules.version || !amounts.length || !amounts.every((n) => typeof n === 'number' && n > 0) || !Array.isArray(rules.kinds) || !Array.isArray(rules.amountKinds)) {
    throw new Error(`${file}: needs version, largeAmountAtLeast (party type → yuan), amountKinds and kinds`);
  }
  for (const k of [...rules.kinds, ...rules.amountKinds]) penaltyKindLabel(k, file);
  return rules;
}

/**
 * The one rule for the hearing right, used by the diagram (service `hearingRight`), the notice and
 * the pages: a fine or confiscation of a large amount for this kind of party, or a listed kind.
 */
export function decideHearingRight(rules: HearingRightRules, v: Record<string, unknown>): { hearingRight: boolean; hearingRightReason: string } {
  const kinds = Array.isArray(v.proposedPenaltyKinds) ? v.proposedPenaltyKinds.map(String) : [];
  const heavy = kinds.filter((k) => rules.kinds.includes(k));
  if (heavy.length) return { hearingRight: true, hearingRightReason: `拟作出${heavy.map((k) => penaltyKindLabel(k)).join('、')}的行政处罚` };
  const partyType = String(v.partyType ?? '');
  const threshold = rules.largeAmountAtLeast[partyType];
  const amount = Math.max(Number(v.proposedFineAmount ?? 0) || 0, Number(v.proposedConfiscationValue ?? 0) || 0);
  if (threshold !== undefined && kinds.some((k) => rules.amountKinds.includes(k)) && amount >= threshold) {
    return { hearingRight: true, hearingRightReason: `拟对${partyType}处以较大数额罚款或没收较大数额财物（${amount} 元，达到 ${threshold} 元）` };
  }
  return { hearingRight: false, hearingRightReason: threshold === undefined ? `当事人类别「${partyType}」未规定较大数额，且拟处罚种类不属于听证范围` : `拟处罚种类不属于听证范围，金额未达到 ${threshold} 元` };
}

/** `${services.hearingRight}` sets hearingRight and hearingRightReason from the proposed penalty. */
export function registerHearingRightService(registry: ServiceRegistry, rules: HearingRightRules): void {
  registry.register('hearingRight', ({ variables }) => ({ ...decideHearingRight(rules, variables), hearingRightRulesVersion: rules.version }));
}
