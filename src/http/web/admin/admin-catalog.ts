import { Router, type Request, type Response } from 'express';
import { ZhifaError } from '../../../errors.ts';
import type { AdminDeps, AdminPage } from './admin-deps.ts';
import { userOf } from '../shared/session.ts';

const CONDITION_LABELS: Record<string, string> = {
  partyType: '当事人类型为', fineAmountAtLeast: '罚款金额不低于（元）', penaltyKindsAny: '处罚种类含', procedure: '程序为', flag: '案件标记为真',
};

/** The legal-review catalog in force, its saved revisions, and editing it as JSON. */
export function adminCatalog(deps: AdminDeps, page: AdminPage): Router {
  const r = Router();
  const catalogs = deps.reviewCatalogs;

  const render = async (req: Request, res: Response, opts: { text?: string; error?: string; flash?: string } = {}, status = 200) => {
    const inForce = await catalogs.inForce();
    const rules = inForce.catalog.rules.map((rule) => ({
      id: rule.id,
      label: rule.label,
      conditions: Object.entries(rule.when).map(([k, v]) => `${CONDITION_LABELS[k] ?? k} ${Array.isArray(v) ? v.join('、') : String(v)}`),
    }));
    page(res, 'admin-catalog', {
      title: '系统管理 · 法制审核目录', section: 'catalog',
      catalog: { title: inForce.catalog.title, version: inForce.catalog.version, revision: inForce.revision, savedAt: inForce.savedAt, savedBy: inForce.savedBy },
      rules,
      history: (await catalogs.history()).map((h) => ({ revision: h.id, version: h.version, savedAt: Number(h.saved_at), savedBy: h.saved_by })),
      text: opts.text ?? inForce.text,
      error: opts.error,
      flash: opts.flash ?? (typeof req.query.saved === 'string' ? `已保存目录版本「${req.query.saved.slice(0, 100)}」，新案件即按此目录判断` : undefined),
    }, status);
  };

  r.get('/admin/catalog', (req, res) => render(req, res));

  r.post('/admin/catalog', async (req, res) => {
    const text = req.body?.catalog;
    try {
      const saved = await catalogs.save(text, userOf(req)!.username);
      if (!saved.created) return render(req, res, { flash: '目录没有变化，未保存新版本' });
      res.redirect(303, `/admin/catalog?saved=${encodeURIComponent(saved.version)}`);
    } catch (err) {
      if (!(err instanceof ZhifaError && err.status === 400)) throw err;
      await render(req, res, { text: typeof text === 'string' ? text : '', error: err.detail }, 422);
    }
  });

  return r;
}
