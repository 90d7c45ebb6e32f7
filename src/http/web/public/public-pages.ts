import path from 'node:path';
import { Router, type Response } from 'express';
import { shanghaiDateOfEnd } from '../../../calendar/dates.ts';
import type { Clock } from '../../../clock.ts';
import { FIELD_ORDER } from '../../../domain/publication/fields.ts';
import type { PublicationKind } from '../../../domain/publication/periods.ts';
import { publicItem, publicView, readPublicSearch, searchPublicPublications, type PublicSearch, type PublicView } from '../../../domain/publication/public-search.ts';
import { loadAvRecordingMatters, loadInspectionMatters } from '../../../domain/public-lists.ts';
import type { Catalog, CatalogRule } from '../../../domain/review-catalog.ts';
import { notFound } from '../../../errors.ts';
import type { Db } from '../../../store/db.ts';
import { listDefinitions } from '../../../store/definitions.ts';
import { certifiedPersonnel } from '../../../store/users.ts';
import type { Views } from '../shared/views.ts';

/** The agency's own lists (rules/*.json), beside the code like the other admin-edited data. */
export const RULES_DIR = path.resolve(import.meta.dirname, '../../../../rules');

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
const PAGE_SIZE = 20;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A list item on the page, from the one public view: a withdrawn decision shows only its withdrawal notice. */
function listItem(v: PublicView) {
  const base = { id: v.id, kind: v.kind, kindLabel: KIND_LABELS[v.kind as PublicationKind] ?? v.kind, partyName: v.partyName, decisionNo: v.decisionNo, decisionDate: v.decisionDate, publishLastDay: shanghaiDateOfEnd(new Date(v.publishUntil)) };
  if (v.notice) return { ...base, withdrawn: true, withdrawalReason: v.notice.撤回原因, withdrawalExplanation: v.notice.撤回说明, withdrawnAt: v.notice.撤回日期, creditRepairNo: v.notice.信用修复决定文书号, creditRepairOn: v.notice.信用修复批准日期 };
  const fields = v.fields ?? {};
  const summary = fields['处罚类别'] ?? fields['许可类别'] ?? fields['决定类别'] ?? '';
  return { ...base, withdrawn: false, summary: String(summary) };
}

function orderedFields(v: PublicView): Array<{ name: string; value: string }> {
  const fields = v.fields ?? {};
  const order = FIELD_ORDER[v.kind as PublicationKind] ?? [];
  const names = [...order.filter((n) => n in fields), ...Object.keys(fields).filter((n) => !order.includes(n))];
  return names.map((name) => ({ name, value: String(fields[name] ?? '') }));
}

function searchQuery(s: PublicSearch, page: number): string {
  const q = new URLSearchParams();
  for (const k of ['party', 'category', 'from', 'to'] as const) if (s[k]) q.set(k, s[k]);
  if (s.limit) q.set('limit', String(s.limit));
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
    // The same reading, checks and view as the API (src/domain/publication/public-search.ts).
    const { search, errors } = readPublicSearch(req.query);
    if (errors.length) return page(res, 'public', { title: '行政执法公示', search: { ...search, page: 1 }, kinds: KIND_LABELS, errors, items: [] }, 400);
    const { items, more } = await searchPublicPublications(db, clock.now().getTime(), search, PAGE_SIZE);
    page(res, 'public', {
      title: '行政执法公示',
      search,
      kinds: KIND_LABELS,
      items: items.map((p) => listItem(publicView(p))),
      pageNo: search.page,
      previous: search.page > 1 ? searchQuery(search, search.page - 1) : null,
      next: more ? searchQuery(search, search.page + 1) : null,
    });
  });

  r.get('/public/publications/:id', async (req, res) => {
    const id = /^\d{1,12}$/.test(req.params.id) ? Number(req.params.id) : NaN;
    const p = Number.isSafeInteger(id) ? await publicItem(db, clock.now().getTime(), id) : undefined;
    if (!p) throw notFound('该公示信息不存在或已过公示期限');
    const view = publicView(p);
    const item = listItem(view);
    page(res, 'public-publication', { title: item.withdrawn ? `撤回公示 ${p.decisionNo}` : `${item.kindLabel}决定公示 ${p.decisionNo}`, item, fields: orderedFields(view), corrections: view.corrections });
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
