import { endOfShanghaiDay, startOfShanghaiDay } from '../calendar/index.ts';
import { badRequest } from '../errors.ts';
import type { CaseFilter } from '../store/case-search.ts';
import { InstanceStatus } from '../store/instances.ts';
import { isIsoDate } from './date-rules.ts';

/** Whose cases: 我的案件, 本部门案件 (managers: a chosen department), or every case the reader may open. */
export type CaseScope = 'mine' | 'department' | 'all';

export interface CaseQuery {
  scope: CaseScope;
  /** The department asked for (scope department); without it, the reader's own. */
  department?: string;
  filter: Omit<CaseFilter, 'mine' | 'department'>;
  limit: number;
  offset: number;
}

export const STATUS_LABELS: Record<InstanceStatus, string> = { running: '办理中', completed: '已办结', cancelled: '已终止' };
export const SCOPE_LABELS: Record<CaseScope, string> = { mine: '我的案件', department: '本部门案件', all: '全部可见案件' };
const MAX_PAGE = 200;

/**
 * A case or task list's query string (the web page's and the JSON API's alike), checked: an unknown
 * procedure, status or scope, a date that is not a date or a range that ends before it starts,
 * and page numbers that are not whole numbers are refused with a 400 that says what to write.
 * Paging is limit/offset or page/pageSize (pages from 1), at most 200 rows.
 */
export function parseCaseQuery(raw: Record<string, unknown>, procedures: ReadonlySet<string>, defaults: { scope: CaseScope; limit: number }): CaseQuery {
  const text = (name: string, label: string): string | undefined => {
    const v = raw[name];
    if (v === undefined || v === '') return undefined;
    if (typeof v !== 'string') throw badRequest(`查询条件「${label}」（${name}）只能给一次`);
    const t = v.trim();
    if (t.length > 200) throw badRequest(`查询条件「${label}」（${name}）不得超过200个字`);
    return t || undefined;
  };
  const scope = (text('scope', '范围') ?? defaults.scope) as CaseScope;
  if (!(scope in SCOPE_LABELS)) throw badRequest(`范围（scope）应为 mine（我的案件）、department（本部门案件）或 all（全部可见案件），而不是「${scope}」`);
  const procedure = text('procedure', '程序');
  if (procedure && !procedures.has(procedure)) throw badRequest(`没有程序「${procedure}」：可选 ${[...procedures].join('、')}`);
  const status = text('status', '状态') as InstanceStatus | undefined;
  if (status && !(status in STATUS_LABELS)) throw badRequest(`状态（status）应为 ${Object.entries(STATUS_LABELS).map(([k, v]) => `${k}（${v}）`).join('、')}，而不是「${status}」`);
  const day = (name: string, label: string): string | undefined => {
    const v = text(name, label);
    if (v !== undefined && !isIsoDate(v)) throw badRequest(`「${label}」（${name}）应为日期，如 2026-03-02，而不是「${v}」`);
    return v;
  };
  const from = day('from', '登记日期起');
  const to = day('to', '登记日期止');
  if (from && to && to < from) throw badRequest(`日期范围有误：截止日期 ${to} 早于起始日期 ${from}`);
  const whole = (name: string, label: string, min: number, max: number): number | undefined => {
    const v = text(name, label);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!/^\d+$/.test(v) || n < min || n > max) throw badRequest(`「${label}」（${name}）应为 ${min} 到 ${max} 之间的整数，而不是「${v}」`);
    return n;
  };
  const pageSize = whole('pageSize', '每页条数', 1, MAX_PAGE);
  const page = whole('page', '页码', 1, 1_000_000);
  const limit = whole('limit', '条数', 1, MAX_PAGE) ?? pageSize ?? defaults.limit;
  const offset = whole('offset', '起始位置', 0, 100_000_000) ?? (page ? (page - 1) * limit : 0);
  return {
    scope,
    department: text('department', '部门'),
    filter: {
      procedure,
      status,
      party: text('party', '当事人'),
      caseNo: text('caseNo', '立案编号'),
      from: from ? startOfShanghaiDay(from).getTime() : undefined,
      before: to ? endOfShanghaiDay(to).getTime() : undefined,
    },
    limit,
    offset,
  };
}
