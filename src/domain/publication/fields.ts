import { citeProvisions } from '../penalty/document-helpers.ts';
import type { Agency } from './agency.ts';
import { LONG_TERM, type PublicationKind } from './periods.ts';
import { redactFieldParts, redactionOptionsOf, type RedactedPart } from './redaction.ts';
import { decidedKindsText } from '../decided-penalty.ts';
import { amountInFigures, amountInWords } from '../amount-words.ts';
import { violationTypeLabel } from './violation-types.ts';

/**
 * The credit platform's 双公示 fields, built from the case variables and the decision they publish
 * (number and date, found in the case's documents: published-decision.ts). Amounts are given in yuan
 * in the case and published in 万元. Free-text fields are redacted (see redaction.ts).
 */
export const PENALTY_FIELDS = [
  '行政相对人名称', '行政相对人类别', '统一社会信用代码', '法定代表人', '行政处罚决定书文号', '违法行为类型', '违法事实', '处罚依据',
  '处罚类别', '处罚内容', '罚款金额（万元）', '没收违法所得、没收非法财物的金额（万元）', '处罚决定日期', '处罚有效期', '公示截止期',
  '处罚机关', '处罚机关统一社会信用代码', '数据来源单位', '数据来源单位统一社会信用代码', '备注',
] as const;

export const PERMIT_FIELDS = [
  '行政相对人名称', '行政相对人类别', '统一社会信用代码', '法定代表人', '行政许可决定文书名称', '行政许可决定文书号', '许可类别',
  '许可证书名称', '许可编号', '许可内容', '许可决定日期', '有效期自', '有效期至', '公示截止期', '许可机关', '许可机关统一社会信用代码',
  '当前状态', '数据来源单位', '数据来源单位统一社会信用代码', '备注',
] as const;

export const OTHER_FIELDS = [
  '行政相对人名称', '行政相对人类别', '统一社会信用代码', '法定代表人', '决定文书名称', '决定文书号', '决定类别', '决定内容',
  '决定日期', '公示截止期', '决定机关', '决定机关统一社会信用代码', '数据来源单位', '数据来源单位统一社会信用代码', '备注',
] as const;

/** The order the public page (and the review's preview) lists each kind's fields in. */
export const FIELD_ORDER: Record<PublicationKind, readonly string[]> = { penalty: PENALTY_FIELDS, permit: PERMIT_FIELDS, other: OTHER_FIELDS };

/** Where personal data can hide: these are redacted; names, codes and dates are not. */
export const FREE_TEXT_FIELDS: Record<PublicationKind, readonly string[]> = {
  penalty: ['违法事实', '处罚内容', '备注'],
  permit: ['许可内容', '备注'],
  other: ['决定内容', '备注'],
};

export const PERMIT_CATEGORIES = ['普通', '特许', '认可', '核准', '登记', '其他'] as const;

export type PublicationFields = Record<string, string | number>;

/** 300000 yuan → 30 (万元); up to six decimals, as the platform takes them. */
export function yuanToWan(yuan: unknown): number {
  const n = typeof yuan === 'string' ? Number(yuan.replace(/[,，\s]/g, '')) : typeof yuan === 'number' ? yuan : 0;
  if (!Number.isFinite(n) || n <= 0) return 0;
  return Math.round(n * 100) / 1_000_000;
}

const text = (v: unknown): string => {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.map(text).filter(Boolean).join('；');
  return String(v).trim();
};

/** Natural persons and 个体工商户 have no legal representative and (a natural person) no credit code on the platform. */
function partyFields(v: Record<string, unknown>, name: unknown): PublicationFields {
  const partyType = text(v.partyType) || '法人及非法人组织';
  const natural = partyType === '自然人';
  return {
    行政相对人名称: text(name),
    行政相对人类别: partyType,
    统一社会信用代码: natural ? '' : text(v.creditCode),
    法定代表人: natural ? '' : text(v.legalRepresentative),
  };
}

/** A positive amount of yuan, or 0. */
const amount = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0);

/**
 * 处罚内容 from the decided penalty: the fine and the confiscation as the decision recorded them
 * (decidedFineAmount, confiscatedAmount — the same numbers as 罚款金额 and 没收金额), then the
 * decision's own words (penaltyContent, which the decision form keeps free of amounts).
 */
export function decidedPenaltyContent(v: Record<string, unknown>): string {
  const parts: string[] = [];
  const fine = amount(v.decidedFineAmount);
  if (fine) parts.push(`罚款人民币${amountInWords(fine)}（¥${amountInFigures(fine)}）`);
  const confiscated = amount(v.confiscatedAmount);
  if (confiscated) parts.push(`没收违法所得、非法财物，价值人民币${amountInWords(confiscated)}（¥${amountInFigures(confiscated)}）`);
  const words = text(v.penaltyContent);
  if (words) parts.push(words);
  return parts.join('；');
}

/**
 * The fields of the decision that must not be published empty: a publication with one empty
 * cannot be approved. The party's codes (统一社会信用代码, 法定代表人) are not checked here: the
 * start forms do not collect them for every procedure yet, so requiring them would stop cases
 * Zhifa itself let through without them; the fine only when one was decided.
 */
export function missingRequiredFields(kind: PublicationKind, fields: PublicationFields, v: Record<string, unknown>): string[] {
  const required: string[] = ['行政相对人名称', '行政相对人类别'];
  if (kind === 'penalty') {
    required.push('行政处罚决定书文号', '违法行为类型', '违法事实', '处罚依据', '处罚类别', '处罚内容', '处罚决定日期', '处罚机关');
    const kinds = Array.isArray(v.decidedPenaltyKinds) ? v.decidedPenaltyKinds.map(String) : [];
    if (kinds.includes('fine') || kinds.includes('罚款')) required.push('罚款金额（万元）');
  } else if (kind === 'permit') {
    required.push('行政许可决定文书号', '许可类别', '许可内容', '许可决定日期', '许可机关');
  } else {
    required.push('决定文书名称', '决定文书号', '决定类别', '决定内容', '决定日期', '决定机关');
  }
  return required.filter((name) => {
    const value = fields[name];
    return value === undefined || value === null || (typeof value === 'number' ? !(value > 0) : String(value).trim() === '');
  });
}

export interface BuildContext {
  agency: Agency;
  /** The decision's document number (see published-decision.ts). */
  decisionNo: string;
  /** The Shanghai date of the decision (YYYY-MM-DD). */
  decisionDate: string;
  /** The last day the item is listed (YYYY-MM-DD). */
  lastDay: string;
}

/** The fields as published; the review page shows them from the same call (publication/preview.ts). */
export function buildFields(kind: PublicationKind, v: Record<string, unknown>, ctx: BuildContext): PublicationFields {
  return buildPublication(kind, v, ctx).fields;
}

/**
 * The fields as published, and each free-text field in its parts (which pieces were redacted, what
 * they replaced and why), redacted with the lists the reviewer gave (namesToRedact, textsToRedact).
 */
export function buildPublication(kind: PublicationKind, v: Record<string, unknown>, ctx: BuildContext): { fields: PublicationFields; parts: Record<string, RedactedPart[]> } {
  const agencyFields = (role: string): PublicationFields => ({
    [role]: ctx.agency.name,
    [`${role}统一社会信用代码`]: ctx.agency.creditCode,
    数据来源单位: ctx.agency.name,
    数据来源单位统一社会信用代码: ctx.agency.creditCode,
  });
  let fields: PublicationFields;
  if (kind === 'penalty') {
    fields = {
      ...partyFields(v, v.party),
      行政处罚决定书文号: ctx.decisionNo,
      // The type chosen at the case review (rules/violation-types.json), else 案由 as filed; the basis
      // as the case review recorded it (older cases: the free-text legalBasis).
      违法行为类型: violationTypeLabel(v.violationType) || text(v.caseCause),
      违法事实: text(v.facts),
      处罚依据: citeProvisions(v.penaltyProvisions) || text(v.legalBasis),
      处罚类别: decidedKindsText(v),
      处罚内容: decidedPenaltyContent(v),
      '罚款金额（万元）': yuanToWan(v.decidedFineAmount),
      '没收违法所得、没收非法财物的金额（万元）': yuanToWan(v.confiscatedAmount),
      处罚决定日期: ctx.decisionDate,
      处罚有效期: text(v.penaltyValidUntil) || LONG_TERM,
      公示截止期: ctx.lastDay,
      ...agencyFields('处罚机关'),
      备注: text(v.publicationRemarks),
    };
  } else if (kind === 'permit') {
    fields = {
      ...partyFields(v, v.applicant ?? v.party),
      行政许可决定文书名称: text(v.permitDecisionTitle) || '行政许可决定书',
      行政许可决定文书号: ctx.decisionNo,
      // What the permit decision form (forms/permit-decision.json) records: category, licence, scope and validity.
      许可类别: PERMIT_CATEGORIES.includes(text(v.permitCategory) as (typeof PERMIT_CATEGORIES)[number]) ? text(v.permitCategory) : '普通',
      许可证书名称: text(v.licenceName),
      许可编号: text(v.licenceNumber),
      许可内容: text(v.permitScope ?? v.matter),
      许可决定日期: ctx.decisionDate,
      有效期自: text(v.validFrom) || ctx.decisionDate,
      有效期至: text(v.validUntil) || LONG_TERM,
      公示截止期: ctx.lastDay,
      ...agencyFields('许可机关'),
      当前状态: '有效',
      备注: text(v.publicationRemarks),
    };
  } else {
    fields = {
      ...partyFields(v, v.party ?? v.applicant),
      决定文书名称: text(v.decisionTitle),
      决定文书号: ctx.decisionNo,
      决定类别: text(v.decisionKind),
      // A seizure, its extension or release: what was seized, as the on-site record lists it.
      决定内容: text(v.decisionContent) || (text(v.seizureObjects) && text(v.decisionKind) ? `${text(v.decisionKind)}：${text(v.seizureObjects)}` : ''),
      决定日期: ctx.decisionDate,
      公示截止期: ctx.lastDay,
      ...agencyFields('决定机关'),
      备注: text(v.publicationRemarks),
    };
  }
  return redactFieldParts(fields, FREE_TEXT_FIELDS[kind], redactionOptionsOf(v));
}
