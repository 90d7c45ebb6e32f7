import { penaltyKindLabel } from './penalty/penalty-kinds.ts';
import type { HearingRightRules } from './penalty/hearing-right.ts';
import { violationTypeLabel } from './publication/violation-types.ts';
import type { Catalog } from './review-catalog.ts';
import { hearingConsequence, legalReviewConsequence, type Consequence } from './violation-consequences.ts';
import type { PenaltyOption, PenaltyRange, Provision, ViolationEntry, ViolationLibrary } from './violation-library.ts';

/**
 * The violation library as people read it, one view for the public page and the JSON API: the
 * provisions cited as 《法名》第九十九条第二项, ranges in words, kinds by their Chinese names, and
 * the hearing and legal-review consequences computed from the rules in force.
 */
const DIGITS = '零一二三四五六七八九';

/** 1–999 in Chinese numerals as articles are numbered: 十、二十五、一百零八、一百一十二. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) return String(n);
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  let s = h ? `${DIGITS[h]}百` : '';
  if (t) s += `${t === 1 && !h ? '' : DIGITS[t]}十`;
  else if (h && u) s += '零';
  if (u) s += DIGITS[u];
  return s;
}

export function provisionLabel(p: Provision, lib: Pick<ViolationLibrary, 'laws'>): string {
  const law = lib.laws[p.law]?.name ?? p.law;
  return `《${law}》第${chineseNumber(p.article)}条${p.paragraph ? `第${chineseNumber(p.paragraph)}款` : ''}${p.item ? `第${chineseNumber(p.item)}项` : ''}`;
}

/** Amounts as the laws write them in figures: 20万元, 5000元. */
export const yuan = (n: number) => (n >= 10000 && n % 10000 === 0 ? `${n / 10000}万元` : `${n}元`);

export function rangeText(r: PenaltyRange): string {
  if (r.type === 'amount') return r.min ? `${yuan(r.min)}以上${yuan(r.max)}以下` : `${yuan(r.max)}以下`;
  if (r.type === 'proportion') return `${r.base}的${r.minPercent}%以上${r.maxPercent}%以下`;
  return `${r.base}的${r.min}倍以上${r.max}倍以下${r.baseAtLeast ? `，${r.base}不足${yuan(r.baseAtLeast)}的按${yuan(r.baseAtLeast)}计算` : ''}`;
}

function penaltyText(p: PenaltyOption): string {
  const name = p.wording ?? penaltyKindLabel(p.kind);
  const range = p.range ? `（${rangeText(p.range)}）` : '';
  const when = p.condition ? `${p.condition}，` : p.mandatory ? '' : '可以';
  return `${when}${name}${range}`;
}

const LEVELS: Record<Consequence['level'], string> = { always: '是', depends: '视拟处罚情况而定', never: '否' };

export function describeViolation(e: ViolationEntry, lib: ViolationLibrary, hearing: HearingRightRules, catalog: Catalog) {
  const cite = (p: Provision) => ({ ...p, lawName: lib.laws[p.law]?.name ?? p.law, label: provisionLabel(p, lib) });
  const hearingRight = hearingConsequence(e, hearing);
  const legalReview = legalReviewConsequence(e, catalog);
  return {
    code: e.code,
    name: e.name,
    violationType: e.violationType,
    violationTypeLabel: violationTypeLabel(e.violationType),
    violatedProvisions: e.violatedProvisions.map(cite),
    penaltyProvisions: e.penaltyProvisions.map(cite),
    penalties: e.penalties.map((p) => ({ ...p, kindLabel: penaltyKindLabel(p.kind), text: penaltyText(p) })),
    dailyPenalty: e.dailyPenalty ? e.dailyPenalty.map(cite) : null,
    hearingRight: { ...hearingRight, label: LEVELS[hearingRight.level] },
    legalReview: { ...legalReview, label: LEVELS[legalReview.level] },
    evidence: e.evidence,
    wording: e.wording,
    verified: e.verified,
    verification: e.verification,
  };
}

/** The whole library for the page and the API, with the versions of the rules the consequences came from. */
export function describeLibrary(lib: ViolationLibrary, hearing: HearingRightRules, catalog: Catalog) {
  return {
    title: lib.title,
    version: lib.version,
    effectiveDate: lib.effectiveDate,
    note: lib.note ?? null,
    laws: Object.values(lib.laws),
    hearingRightRulesVersion: hearing.version,
    legalReviewCatalogVersion: catalog.version,
    entries: lib.entries.map((e) => describeViolation(e, lib, hearing, catalog)),
  };
}

/**
 * The published library: the library read at start, the hearing rules, and the legal-review
 * catalog in force when asked (an administrator may revise it while the server runs). The public
 * page and GET /api/violations both read through this one service.
 */
export class PublishedViolations {
  constructor(
    readonly library: ViolationLibrary,
    private readonly hearing: HearingRightRules,
    private readonly catalogs: { inForce(): Promise<{ catalog: Catalog }> },
  ) {}

  async all() {
    return describeLibrary(this.library, this.hearing, (await this.catalogs.inForce()).catalog);
  }

  /** One violation type with the library's version, or undefined for a code the library does not have. */
  async one(code: string) {
    const entry = this.library.entries.find((e) => e.code === code);
    if (!entry) return undefined;
    const { catalog } = await this.catalogs.inForce();
    return { version: this.library.version, effectiveDate: this.library.effectiveDate, ...describeViolation(entry, this.library, this.hearing, catalog) };
  }
}
