import { Router } from 'express';
import { actorOf } from '../authenticate.ts';
import { assertCaseAccess } from '../case-access.ts';
import { parseIsoDate, startOfShanghaiDay } from '../../calendar/index.ts';
import type { Clock } from '../../clock.ts';
import { PUBLICATION_KINDS } from '../../domain/publication/periods.ts';
import { badRequest } from '../../errors.ts';
import type { Db } from '../../store/db.ts';
import { publicationRowsOfCase, publicPublicationRows, toPublication, type Publication } from '../../store/publications.ts';

const CATEGORY: Record<string, string> = { 行政处罚: 'penalty', 行政许可: 'permit', 其他: 'other', 其他行政执法决定: 'other' };
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function queryString(value: unknown, name: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw badRequest(`${name} must be given once, as text`);
  return value.trim() || undefined;
}

function queryDate(value: unknown, name: string): string | undefined {
  const text = queryString(value, name);
  if (text === undefined) return undefined;
  try {
    parseIsoDate(text);
    return text;
  } catch {
    throw badRequest(`${name} must be a date such as 2026-03-02 (got "${text}")`);
  }
}

/** A withdrawn item is shown only as its withdrawal notice (撤回公示): who, which decision, why, when. */
function publicView(p: Publication) {
  const base = { id: p.id, kind: p.kind, decisionNo: p.decisionNo, partyName: p.partyName, decisionDate: iso(p.decisionDate), publishedAt: iso(p.publishedAt), publishUntil: iso(p.publishUntil) };
  if (p.status === 'withdrawn') {
    return {
      ...base,
      status: 'withdrawn' as const,
      notice: { title: '撤回公示', 行政相对人名称: p.partyName, 决定文书号: p.decisionNo, 撤回原因: p.withdrawalReason, 撤回说明: p.withdrawalExplanation ?? '', 撤回日期: iso(p.withdrawnAt) },
    };
  }
  return { ...base, status: p.status, fields: p.fields };
}

/**
 * GET /api/public/publications?party=&category=&from=&to= — the public platform, no token:
 * items within their publication period; withdrawn ones as withdrawal notices only.
 * category: penalty | permit | other (or 行政处罚 | 行政许可 | 其他); from/to: decision dates, inclusive.
 */
export function publicPublicationRoutes(db: Db, clock: Clock): Router {
  const r = Router();
  r.get('/public/publications', async (req, res) => {
    const party = queryString(req.query.party, 'party');
    const categoryText = queryString(req.query.category, 'category');
    const kind = categoryText === undefined ? undefined : (CATEGORY[categoryText] ?? categoryText);
    if (kind !== undefined && !PUBLICATION_KINDS.includes(kind as never)) throw badRequest(`category must be one of ${PUBLICATION_KINDS.join(', ')} (or 行政处罚, 行政许可, 其他); got "${categoryText}"`);
    const from = queryDate(req.query.from, 'from');
    const to = queryDate(req.query.to, 'to');
    const limitText = queryString(req.query.limit, 'limit');
    const limit = limitText === undefined ? 50 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw badRequest('limit must be a whole number from 1 to 500');
    const now = clock.now().getTime();
    const rows = await publicPublicationRows(db, {
      now,
      party,
      kind,
      from: from === undefined ? undefined : startOfShanghaiDay(from).getTime(),
      to: to === undefined ? undefined : startOfShanghaiDay(to).getTime() + 86_400_000,
      limit,
    });
    res.json({ items: rows.map((row) => publicView(toPublication(row, now))) });
  });
  return r;
}

/** GET /api/instances/:id/publications — everything the case published, withdrew or saw expire (staff). */
export function publicationRoutes(db: Db, clock: Clock): Router {
  const r = Router();
  r.get('/instances/:id/publications', async (req, res) => {
    const row = await assertCaseAccess(db, actorOf(req), req.params.id);
    const now = clock.now().getTime();
    const rows = await publicationRowsOfCase(db, row.root_id);
    res.json(rows.map((r) => {
      const p = toPublication(r, now);
      return { ...p, decisionDate: iso(p.decisionDate), publishedAt: iso(p.publishedAt), publishUntil: iso(p.publishUntil), withdrawnAt: iso(p.withdrawnAt) };
    }));
  });
  return r;
}
