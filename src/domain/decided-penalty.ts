import type { FieldError } from './form-messages.ts';
import { penaltyKinds } from './penalty/penalty-kinds.ts';

/**
 * The decided penalty (处罚法 arts. 45, 57, 59): the decision records its penalty as data —
 * decidedPenaltyKinds (codes), decidedFineAmount (yuan), confiscatedItems/confiscatedAmount —
 * and every later step (document, payment, surcharge, publication, statistics) reads these.
 * Art. 45: the agency may not impose a heavier penalty because the party stated or defended;
 * a decision with a kind not notified or a larger fine than notified needs a new notice.
 * The notified penalty is proposedPenaltyKinds / proposedFineAmount (the notice), else the case
 * review's penaltyKinds / fineAmount (older cases, stored as Chinese labels).
 */
const PENALTY_KIND_LABELS: Record<string, string> = penaltyKinds();
const CODE_OF_LABEL = new Map(Object.entries(PENALTY_KIND_LABELS).map(([code, label]) => [label, code]));

/** A kind as a code, whether it was stored as a code or (before the notice recorded codes) as its label. */
export const kindCode = (k: unknown): string => CODE_OF_LABEL.get(String(k)) ?? String(k);
export const kindLabel = (k: unknown): string => PENALTY_KIND_LABELS[kindCode(k)] ?? String(k);

/** The decided penalty's kinds as their Chinese labels, joined for documents and publication (处罚类别). */
export function decidedKindsText(v: Record<string, unknown>): string {
  return Array.isArray(v.decidedPenaltyKinds) ? v.decidedPenaltyKinds.map(kindLabel).join('；') : '';
}

function notified(caseVars: Record<string, unknown>): { kinds: string[] | undefined; fine: number | undefined } {
  const kinds = caseVars.proposedPenaltyKinds ?? caseVars.penaltyKinds;
  const fine = Number(caseVars.proposedFineAmount ?? caseVars.fineAmount);
  return { kinds: Array.isArray(kinds) ? kinds.map(kindCode) : undefined, fine: Number.isFinite(fine) ? fine : undefined };
}

const AMOUNT_IN_TEXT = /\d[\d,，.]*\s*[万亿]?元|[零壹贰叁肆伍陆柒捌玖拾佰仟一二三四五六七八九十百千万亿]+[万亿]?元/;

/** The form rule `"notHeavierThanNotice": true` on the decision: what is refused, and what the decision records. */
export function checkDecidedPenalty(submitted: Record<string, unknown>, caseVars: Record<string, unknown>): { errors: FieldError[]; record: Record<string, unknown> } {
  const errors: FieldError[] = [];
  const kinds = Array.isArray(submitted.decidedPenaltyKinds) ? submitted.decidedPenaltyKinds.map(kindCode) : [];
  const fine = typeof submitted.decidedFineAmount === 'number' ? submitted.decidedFineAmount : 0;
  if (kinds.includes('fine') && !(fine > 0)) errors.push({ field: 'decidedFineAmount', message: '决定罚款的，须填写「决定罚款金额（元）」' });
  if (!kinds.includes('fine') && fine > 0) errors.push({ field: 'decidedPenaltyKinds', message: `填写了罚款金额 ${fine} 元，「决定处罚种类」须包括罚款` });
  const confiscates = kinds.includes('confiscateIllegalGains') || kinds.includes('confiscateProperty');
  if (confiscates !== Array.isArray(submitted.confiscatedItems)) {
    errors.push({ field: 'confiscatedItems', message: confiscates ? '决定没收的，须列明没收的违法所得、非法财物' : '列明了没收物品，「决定处罚种类」须包括没收违法所得或没收非法财物' });
  }
  // The decision prints the decided amount once, in words and in figures, from decidedFineAmount:
  // an amount typed into the free text could differ from it (a notice of 250,000 and a text of 300,000).
  if (typeof submitted.penaltyContent === 'string' && AMOUNT_IN_TEXT.test(submitted.penaltyContent)) {
    errors.push({ field: 'penaltyContent', message: '「处罚内容」中不要填写金额：罚款金额填在「决定罚款金额（元）」，没收金额填在没收金额栏，决定书据此以大写和数字各写一次' });
  }
  const told = notified(caseVars);
  const heavier: string[] = [];
  const added = told.kinds ? kinds.filter((k) => !told.kinds!.includes(k)) : [];
  if (added.length) heavier.push(`增加了告知时未拟处的处罚种类（${added.map(kindLabel).join('、')}）`);
  if (told.fine !== undefined && fine > told.fine) heavier.push(`罚款 ${fine} 元高于告知的 ${told.fine} 元`);
  if (heavier.length) {
    errors.push({
      field: 'decidedPenaltyKinds',
      message: `处罚决定不得重于已告知当事人的处罚（《行政处罚法》第四十五条，不得因当事人陈述、申辩而给予更重的处罚）：${heavier.join('，')}；如需加重，请选择「拟加重处罚，重新告知」退回案件审查，重新告知当事人拟作出的处罚，待陈述、申辩（听证）期限届满后再作决定`,
    });
  }
  const record: Record<string, unknown> = { decidedFineAmount: fine };
  if (Array.isArray(submitted.confiscatedItems)) record.decidedConfiscation = { items: submitted.confiscatedItems, amount: submitted.confiscatedAmount ?? 0 };
  return { errors, record };
}
