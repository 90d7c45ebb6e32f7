import path from 'node:path';
import { Router, type Request, type Response } from 'express';
import { shanghaiDateOfEnd } from '../../calendar/dates.ts';
import { parseIsoDate, startOfShanghaiDay } from '../../calendar/index.ts';
import type { Clock } from '../../clock.ts';
import { OTHER_FIELDS, PENALTY_FIELDS, PERMIT_FIELDS } from '../../domain/publication/fields.ts';
import { PUBLICATION_KINDS, type PublicationKind } from '../../domain/publication/periods.ts';
import { loadAvRecordingMatters, loadInspectionMatters } from '../../domain/public-lists.ts';
import type { Catalog, CatalogRule } from '../../domain/review-catalog.ts';
import { notFound } from '../../errors.ts';
import type { Db } from '../../store/db.ts';
import { listDefinitions } from '../../store/definitions.ts';
import { publicationRowById, publicPublicationRows, toPublication, type Publication } from '../../store/publications.ts';
import { certifiedPersonnel } from '../../store/users.ts';
import type { Views } from './views.ts';

/** The agency's own lists (rules/*.json), beside the code like the other admin-edited data. */
export const RULES_DIR = path.resolve(import.meta.dirname, '../../../rules');

export interface CatalogSource {
  /** The catalog in force: a revision saved by an administrator, else the file. */
  inForce(): Promise<{ catalog: Catalog; savedAt: number | null }>;
}

export interface PublicDeps {
  workflow: { db: Db };
  clock: Clock;
  views: Views;
  reviewCatalogs: CatalogSource;
  /** Where random-inspection.json and av-recording-matters.json are; rules/ by default. */
  rulesDir?: string;
}

export const KIND_LABELS: Record<PublicationKind, string> = { penalty: '行政处罚', permit: '行政许可', other: '其他行政执法决定' };
const FIELD_ORDER: Record<PublicationKind, readonly string[]> = { penalty: PENALTY_FIELDS, permit: PERMIT_FIELDS, other: OTHER_FIELDS };
const PAGE_SIZE = 20;
const MAX_PAGE = 1000;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

interface Search {
  party: string;
  category: string;
  from: string;
  to: string;
  page: number;
}

/** The search form's values, checked; every problem is reported in Chinese and nothing is searched. */
function readSearch(req: Request): { search: Search; errors: string[] } {
  const errors: string[] = [];
  const text = (name: string, label: string) => {
    const v = req.query[name];
    if (v === undefined) return '';
    if (typeof v !== 'string') {
      errors.push(`「${label}」只能填写一项`);
      return '';
    }
    return v.trim();
  };
  const party = text('party', '当事人名称');
  if ([...party].length > 100) errors.push('「当事人名称」不能超过 100 个字');
  const category = text('category', '类别');
  if (category && !PUBLICATION_KINDS.includes(category as PublicationKind)) errors.push('「类别」只能选择行政处罚、行政许可或其他行政执法决定');
  const date = (name: string, label: string) => {
    const v = text(name, label);
    if (!v) return '';
    try {
      parseIsoDate(v);
      return v;
    } catch {
      errors.push(`「${label}」应为有效日期，如 2026-03-02`);
      return '';
    }
  };
  const from = date('from', '决定日期起');
  const to = date('to', '决定日期止');
  if (from && to && from > to) errors.push('「决定日期起」不能晚于「决定日期止」');
  const pageText = text('page', '页码') || '1';
  const page = Number(pageText);
  if (!/^\d+$/.test(pageText) || page < 1 || page > MAX_PAGE) errors.push(`「页码」应为 1 至 ${MAX_PAGE} 的整数`);
  return { search: { party, category, from, to, page: errors.length ? 1 : page }, errors };
}

/** A withdrawn decision is shown only as its withdrawal notice (penalty law Art. 48): which decision, why, when. */
function listItem(p: Publication) {
  const base = { id: p.id, kind: p.kind, kindLabel: KIND_LABELS[p.kind as PublicationKind] ?? p.kind, partyName: p.partyName, decisionNo: p.decisionNo, decisionDate: iso(p.decisionDate), publishLastDay: shanghaiDateOfEnd(new Date(p.publishUntil)) };
  if (p.status === 'withdrawn') return { ...base, withdrawn: true, withdrawalReason: p.withdrawalReason, withdrawalExplanation: p.withdrawalExplanation, withdrawnAt: iso(p.withdrawnAt) };
  const summary = p.fields['处罚类别'] ?? p.fields['许可类别'] ?? p.fields['决定类别'] ?? '';
  return { ...base, withdrawn: false, summary: String(summary) };
}

function orderedFields(p: Publication): Array<{ name: string; value: string }> {
  const order = FIELD_ORDER[p.kind as PublicationKind] ?? [];
  const names = [...order.filter((n) => n in p.fields), ...Object.keys(p.fields).filter((n) => !order.includes(n))];
  return names.map((name) => ({ name, value: String(p.fields[name] ?? '') }));
}

function searchQuery(s: Search, page: number): string {
  const q = new URLSearchParams();
  for (const k of ['party', 'category', 'from', 'to'] as const) if (s[k]) q.set(k, s[k]);
  if (page > 1) q.set('page', String(page));
  const text = q.toString();
  return text ? `/public?${text}` : '/public';
}

/** A rule's thresholds in words, so the public reads where the agency drew its lines. */
export function describeRule({ when }: CatalogRule): string {
  const parts: string[] = [];
  if (when.partyType) parts.push(`当事人为${when.partyType.join('或')}`);
  if (when.fineAmountAtLeast !== undefined) parts.push(`罚款金额达到 ${when.fineAmountAtLeast.toLocaleString('zh-CN')} 元`);
  if (when.penaltyKindsAny) parts.push(`处罚种类含${when.penaltyKindsAny.join('、')}`);
  if (when.procedure) parts.push(`适用${when.procedure.map((p) => PROCEDURE_LABELS[p] ?? p).join('、')}程序`);
  return parts.join('，');
}

const PROCEDURE_LABELS: Record<string, string> = { penalty: '行政处罚', coercion: '行政强制', permit: '行政许可' };

/** The public platform (公示平台): published decisions and the five lists, no sign-in. */
export function publicPages(deps: PublicDeps): Router {
  const { clock, views } = deps;
  const db = deps.workflow.db;
  const rulesDir = deps.rulesDir ?? RULES_DIR;
  // Read at start: a broken list stops the server instead of the public page.
  const inspection = loadInspectionMatters(path.join(rulesDir, 'random-inspection.json'));
  const avRecording = loadAvRecordingMatters(path.join(rulesDir, 'av-recording-matters.json'));
  const r = Router();
  const page = (res: Response, name: string, ctx: Record<string, unknown>, status = 200) => res.status(status).type('html').send(views.render(name, { ...res.locals, ...ctx }));

  r.get('/public', async (req, res) => {
    const { search, errors } = readSearch(req);
    if (errors.length) return page(res, 'public', { title: '行政执法公示', search, kinds: KIND_LABELS, errors, items: [] }, 400);
    const now = clock.now().getTime();
    const rows = await publicPublicationRows(db, {
      now,
      party: search.party || undefined,
      kind: search.category || undefined,
      from: search.from ? startOfShanghaiDay(search.from).getTime() : undefined,
      to: search.to ? startOfShanghaiDay(search.to).getTime() + 86_400_000 : undefined,
      limit: PAGE_SIZE + 1,
      offset: (search.page - 1) * PAGE_SIZE,
    });
    const items = rows.slice(0, PAGE_SIZE).map((row) => listItem(toPublication(row, now)));
    page(res, 'public', {
      title: '行政执法公示',
      search,
      kinds: KIND_LABELS,
      items,
      pageNo: search.page,
      previous: search.page > 1 ? searchQuery(search, search.page - 1) : null,
      next: rows.length > PAGE_SIZE ? searchQuery(search, search.page + 1) : null,
    });
  });

  r.get('/public/publications/:id', async (req, res) => {
    const id = /^\d{1,12}$/.test(req.params.id) ? Number(req.params.id) : NaN;
    const row = Number.isSafeInteger(id) ? await publicationRowById(db, id) : undefined;
    const p = row && toPublication(row, clock.now().getTime());
    if (!p || p.status === 'expired') throw notFound('该公示信息不存在或已过公示期限');
    const item = listItem(p);
    page(res, 'public-publication', { title: item.withdrawn ? `撤回公示 ${p.decisionNo}` : `${item.kindLabel}决定公示 ${p.decisionNo}`, item, fields: item.withdrawn ? [] : orderedFields(p) });
  });

  r.get('/public/lists', async (_req, res) => {
    const now = clock.now().getTime();
    const personnel = (await certifiedPersonnel(db, now)).map((u) => ({ name: u.display_name ?? u.username, certificateNo: u.certificate_no, validUntil: u.certificate_valid_until === null ? null : shanghaiDateOfEnd(new Date(u.certificate_valid_until)) }));
    const latest = new Map<string, { name: string; version: number; deployedAt: string | null }>();
    for (const d of await listDefinitions(db)) if (!latest.has(d.key)) latest.set(d.key, { name: d.name ?? d.key, version: d.version, deployedAt: iso(d.deployed_at) });
    const inForce = await deps.reviewCatalogs.inForce();
    page(res, 'public-lists', {
      title: '行政执法“五个清单”',
      personnel,
      matters: [...latest.values()],
      inspection,
      avRecording,
      catalog: { title: inForce.catalog.title, version: inForce.catalog.version, savedAt: iso(inForce.savedAt), rules: inForce.catalog.rules.map((rule) => ({ label: rule.label, conditions: describeRule(rule) })) },
    });
  });

  return r;
}
