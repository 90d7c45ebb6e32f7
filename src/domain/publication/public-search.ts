import { parseIsoDate, startOfShanghaiDay } from '../../calendar/index.ts';
import type { DbOrTx } from '../../store/db.ts';
import { publicPublicationRows, toPublication, type Publication } from '../../store/publications.ts';
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

/** One page of what the public may see: items within their publication period, newest decision first; `more` when another page follows. */
export async function searchPublicPublications(db: DbOrTx, now: number, search: PublicSearch, defaultLimit: number): Promise<{ items: Publication[]; more: boolean }> {
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
  return { items: rows.slice(0, limit).map((row) => toPublication(row, now)), more: rows.length > limit };
}

const at = (ms: number) => new Date(ms).toISOString();
const iso = (ms: number | null) => (ms === null ? null : at(ms));

export type PublicView = ReturnType<typeof publicView>;

/**
 * What the public sees of one item. A withdrawn decision is shown only as its withdrawal notice
 * (撤回公示, penalty law Art. 48): who, which decision, why, when — never its published fields.
 */
export function publicView(p: Publication) {
  const base = { id: p.id, kind: p.kind, decisionNo: p.decisionNo, partyName: p.partyName, decisionDate: at(p.decisionDate), publishedAt: at(p.publishedAt), publishUntil: at(p.publishUntil) };
  if (p.status === 'withdrawn') {
    return {
      ...base,
      status: 'withdrawn' as const,
      notice: { title: '撤回公示', 行政相对人名称: p.partyName, 决定文书号: p.decisionNo, 撤回原因: p.withdrawalReason, 撤回说明: p.withdrawalExplanation ?? '', 撤回日期: iso(p.withdrawnAt) },
      fields: undefined,
    };
  }
  return { ...base, status: p.status, notice: undefined, fields: p.fields };
}
