import { parseIsoDate, startOfShanghaiDay } from '../../calendar/index.ts';
import type { DbOrTx } from '../../store/db.ts';
import { correctionsOf, type Correction } from '../../store/publication-corrections.ts';
import { publicationRowById, publicPublicationRows, toPublication, type Publication } from '../../store/publications.ts';
import { PUBLICATION_KINDS, type PublicationKind } from './periods.ts';

/** What the public may search by, checked: the same for `GET /api/public/publications` and `/public`. */
export interface PublicSearch {
  party: string;
  /** As typed (the page's form shows it back). */
  category: string;
  kind: PublicationKind | undefined;
  from: string;
  to: string;
  page: number;
  limit: number | undefined;
}

const MAX_PAGE = 1000;
const MAX_LIMIT = 500;
const PARTY_MAX = 100;
/** The category by its Chinese name too, as the platform shows it. */
const CATEGORY: Record<string, PublicationKind> = { 行政处罚: 'penalty', 行政许可: 'permit', 其他: 'other', 其他行政执法决定: 'other' };

/** Reads a search from a query string; every problem is reported in Chinese, and with any problem nothing is searched. */
export function readPublicSearch(query: Record<string, unknown>): { search: PublicSearch; errors: string[] } {
  const errors: string[] = [];
  const text = (name: string, label: string) => {
    const v = query[name];
    if (v === undefined) return '';
    if (typeof v !== 'string') {
      errors.push(`「${label}」只能填写一项`);
      return '';
    }
    return v.trim();
  };
  const party = text('party', '当事人名称');
  if ([...party].length > PARTY_MAX) errors.push(`「当事人名称」不能超过 ${PARTY_MAX} 个字`);
  const category = text('category', '类别');
  const kind = category ? (CATEGORY[category] ?? (PUBLICATION_KINDS.includes(category as PublicationKind) ? (category as PublicationKind) : undefined)) : undefined;
  if (category && !kind) errors.push('「类别」只能选择行政处罚、行政许可或其他行政执法决定（penalty、permit、other）');
  const date = (name: string, label: string) => {
    const v = text(name, label);
    if (!v) return '';
    try {
      parseIsoDate(v);
      return v;
    } catch {
      errors.push(`「${label}」应为有效日期，如 2026-03-02（收到“${v.slice(0, 20)}”）`);
      return '';
    }
  };
  const from = date('from', '决定日期起');
  const to = date('to', '决定日期止');
  if (from && to && from > to) errors.push('「决定日期起」不能晚于「决定日期止」');
  const whole = (name: string, label: string, max: number) => {
    const v = text(name, label);
    if (!v) return undefined;
    if (!/^\d{1,6}$/.test(v) || Number(v) < 1 || Number(v) > max) {
      errors.push(`「${label}」应为 1 至 ${max} 的整数`);
      return undefined;
    }
    return Number(v);
  };
  const page = whole('page', '页码', MAX_PAGE) ?? 1;
  const limit = whole('limit', '每页条数', MAX_LIMIT);
  return { search: { party, category, kind, from, to, page, limit }, errors };
}

/** A published item with the corrections made to it (更正公示), oldest first. */
export type ListedPublication = Publication & { corrections: Correction[] };

async function withCorrections(db: DbOrTx, items: Publication[]): Promise<ListedPublication[]> {
  const corrections = await correctionsOf(db, items.map((p) => p.id));
  return items.map((p) => ({ ...p, corrections: corrections.get(p.id) ?? [] }));
}

/** One item as the public may see it; undefined when there is none or its period is over. */
export async function publicItem(db: DbOrTx, now: number, id: number): Promise<ListedPublication | undefined> {
  const row = await publicationRowById(db, id);
  const p = row && toPublication(row, now);
  if (!p || p.status === 'expired') return undefined;
  return (await withCorrections(db, [p]))[0];
}

/** One page of what the public may see: items within their publication period, newest decision first; `more` when another page follows. */
export async function searchPublicPublications(db: DbOrTx, now: number, search: PublicSearch, defaultLimit: number): Promise<{ items: ListedPublication[]; more: boolean }> {
  const limit = search.limit ?? defaultLimit;
  const rows = await publicPublicationRows(db, {
    now,
    party: search.party || undefined,
    kind: search.kind,
    from: search.from ? startOfShanghaiDay(search.from).getTime() : undefined,
    to: search.to ? startOfShanghaiDay(search.to).getTime() + 86_400_000 : undefined,
    limit: limit + 1,
    offset: (search.page - 1) * limit,
  });
  return { items: await withCorrections(db, rows.slice(0, limit).map((row) => toPublication(row, now))), more: rows.length > limit };
}

const at = (ms: number) => new Date(ms).toISOString();
const iso = (ms: number | null) => (ms === null ? null : at(ms));

export type PublicView = ReturnType<typeof publicView>;

/**
 * Fields that name who the decision is about: when one was wrong, the correction notice does not
 * repeat the wrong value, which would keep naming a party the decision is not about.
 */
const IDENTIFYING = new Set(['行政相对人名称', '统一社会信用代码', '法定代表人']);

/** The public correction notice (更正公告) of each correction: what was wrong, what it is now, why, when. */
function correctionNotices(corrections: readonly Correction[]) {
  return corrections.map((c) => ({
    更正项目: c.field,
    原公示内容: IDENTIFYING.has(c.field) ? '（原公示内容有误，不再显示）' : c.oldValue,
    更正后内容: c.newValue,
    更正说明: c.explanation,
    更正日期: at(c.correctedAt),
  }));
}

/**
 * What the public sees of one item. A withdrawn decision is shown only as its withdrawal notice
 * (撤回公示, penalty law Art. 48): who, which decision, why, when — never its published fields.
 * A corrected one shows its fields as corrected and the correction notices (更正公示).
 */
export function publicView(p: Publication & { corrections?: readonly Correction[] }) {
  const base = { id: p.id, kind: p.kind, decisionNo: p.decisionNo, partyName: p.partyName, decisionDate: at(p.decisionDate), publishedAt: at(p.publishedAt), publishUntil: at(p.publishUntil) };
  if (p.status === 'withdrawn') {
    return {
      ...base,
      status: 'withdrawn' as const,
      notice: {
        title: '撤回公示', 行政相对人名称: p.partyName, 决定文书号: p.decisionNo, 撤回原因: p.withdrawalReason, 撤回说明: p.withdrawalExplanation ?? '', 撤回日期: iso(p.withdrawnAt),
        // Taken down early after credit repair: the repair decision that allowed it.
        ...(p.creditRepairNo ? { 信用修复决定文书号: p.creditRepairNo, 信用修复批准日期: iso(p.creditRepairOn) } : {}),
      },
      fields: undefined,
      corrections: [],
    };
  }
  return { ...base, status: p.status, notice: undefined, fields: p.fields, corrections: correctionNotices(p.corrections ?? []) };
}
