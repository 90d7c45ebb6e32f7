import { shanghaiDateOfEnd } from '../../../calendar/dates.ts';
import { FIELD_ORDER } from '../../../domain/publication/fields.ts';
import type { PublicationKind } from '../../../domain/publication/periods.ts';
import type { PublicSearch, PublicView } from '../../../domain/publication/public-search.ts';

/** How a published decision reads on the public platform: its kind in words, its fields in the published order. */
export const KIND_LABELS: Record<PublicationKind, string> = { penalty: '行政处罚', permit: '行政许可', other: '其他行政执法决定' };

/** A list item on the page, from the one public view: a withdrawn decision shows only its withdrawal notice. */
export function listItem(v: PublicView) {
  const base = { id: v.id, kind: v.kind, kindLabel: KIND_LABELS[v.kind as PublicationKind] ?? v.kind, partyName: v.partyName, decisionNo: v.decisionNo, decisionDate: v.decisionDate, publishLastDay: shanghaiDateOfEnd(new Date(v.publishUntil)) };
  if (v.notice) return { ...base, withdrawn: true, withdrawalReason: v.notice.撤回原因, withdrawalExplanation: v.notice.撤回说明, withdrawnAt: v.notice.撤回日期, creditRepairNo: v.notice.信用修复决定文书号, creditRepairOn: v.notice.信用修复批准日期 };
  const fields = v.fields ?? {};
  const summary = fields['处罚类别'] ?? fields['许可类别'] ?? fields['决定类别'] ?? '';
  return { ...base, withdrawn: false, summary: String(summary) };
}

export function orderedFields(v: PublicView): Array<{ name: string; value: string }> {
  const fields = v.fields ?? {};
  const order = FIELD_ORDER[v.kind as PublicationKind] ?? [];
  const names = [...order.filter((n) => n in fields), ...Object.keys(fields).filter((n) => !order.includes(n))];
  return names.map((name) => ({ name, value: String(fields[name] ?? '') }));
}

/** The address of one page of a search, with only the filters given. */
export function searchQuery(s: PublicSearch, page: number): string {
  const q = new URLSearchParams();
  for (const k of ['party', 'category', 'from', 'to'] as const) if (s[k]) q.set(k, s[k]);
  if (s.limit) q.set('limit', String(s.limit));
  if (page > 1) q.set('page', String(page));
  const text = q.toString();
  return text ? `/public?${text}` : '/public';
}
