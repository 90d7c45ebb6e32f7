import { createRequire } from 'node:module';
import express, { Router } from 'express';
import { DeploymentError } from '../../../engine/errors.ts';
import { notFound } from '../../../errors.ts';
import { definitionByVersion, latestDefinition, listDefinitions, runningCountsByDefinition } from '../../../store/definitions.ts';
import type { AdminDeps, AdminPage } from './admin-deps.ts';
import { blankDiagram } from './blank-diagram.ts';
import { userOf } from '../shared/session.ts';

const require = createRequire(import.meta.url);
const camundaSchema = require('camunda-bpmn-moddle/resources/camunda.json') as unknown;

const MODELER = ['/assets/bpmn-js/bpmn-modeler.production.min.js', '/assets/admin-modeler.js'];
const MODELER_CSS = ['/assets/bpmn-js/assets/diagram-js.css', '/assets/bpmn-js/assets/bpmn-js.css', '/assets/bpmn-js/assets/bpmn-font/css/bpmn.css'];
const KEY = /^[A-Za-z_][\w.-]*$/;

/** The process list, the modeler, and the validate and deploy endpoints the modeler posts to. */
export function adminProcesses(deps: AdminDeps, page: AdminPage): Router {
  const { definitions } = deps.workflow;
  const db = deps.workflow.db;
  const r = Router();
  const xmlBody = express.text({ type: ['application/xml', 'text/xml', 'text/plain'], limit: deps.bodyLimit });
  const NO_XML = [{ message: '请求中没有 BPMN 文档（以 application/xml 发送）', elementId: null }];

  r.get('/admin', async (_req, res) => {
    const running = await runningCountsByDefinition(db);
    const byKey = new Map<string, { key: string; name: string; versions: unknown[] }>();
    for (const d of await listDefinitions(db)) {
      const entry = byKey.get(d.key) ?? { key: d.key, name: d.name ?? d.key, versions: [] };
      entry.versions.push({ version: d.version, deployedAt: Number(d.deployed_at), deployedBy: d.deployed_by, running: running.get(d.id) ?? 0 });
      byKey.set(d.key, entry);
    }
    const deployed = typeof _req.query.deployed === 'string' ? _req.query.deployed.slice(0, 200) : undefined;
    page(res, 'admin-processes', { title: '系统管理 · 流程', section: 'processes', processes: [...byKey.values()], flash: deployed && `已部署 ${deployed}` });
  });

  r.get('/admin/processes/new', (_req, res) => {
    page(res, 'admin-modeler', { title: '新建流程', section: 'processes', isNew: true, xmlUrl: '/admin/processes/new/diagram.bpmn', scripts: MODELER, styles: MODELER_CSS, bodyClass: 'wide' });
  });

  r.get('/admin/processes/new/diagram.bpmn', (_req, res) => {
    res.type('application/xml').send(blankDiagram());
  });

  r.get('/admin/processes/camunda-moddle.json', (_req, res) => {
    res.json(camundaSchema);
  });

  r.get('/admin/processes/:key/edit', async (req, res) => {
    const asked = req.query.version === undefined ? undefined : Number(req.query.version);
    const def = asked === undefined ? await latestDefinition(db, req.params.key) : Number.isInteger(asked) ? await definitionByVersion(db, req.params.key, asked) : undefined;
    if (!def) throw notFound(`流程「${req.params.key}」${asked === undefined ? '' : `第 ${req.query.version} 版`}未部署`);
    page(res, 'admin-modeler', {
      title: `编辑流程 ${def.name ?? def.key}`, section: 'processes', key: def.key, name: def.name, version: def.version,
      xmlUrl: `/admin/processes/${encodeURIComponent(def.key)}/versions/${def.version}/diagram.bpmn`,
      scripts: MODELER, styles: MODELER_CSS, bodyClass: 'wide',
    });
  });

  r.get('/admin/processes/:key/versions/:version/diagram.bpmn', async (req, res) => {
    const version = Number(req.params.version);
    const def = KEY.test(req.params.key) && Number.isInteger(version) ? await definitionByVersion(db, req.params.key, version) : undefined;
    if (!def) throw notFound(`流程「${req.params.key}」第 ${req.params.version} 版不存在`);
    if (req.query.download !== undefined) res.attachment(`${def.key}-v${def.version}.bpmn`);
    res.type('application/xml').send(def.xml);
  });

  r.post('/admin/processes/validate', xmlBody, async (req, res) => {
    const problems = typeof req.body === 'string' && req.body.trim() ? await definitions.check(req.body) : NO_XML;
    res.json({ valid: problems.length === 0, problems });
  });

  r.post('/admin/processes/deploy', xmlBody, async (req, res) => {
    if (typeof req.body !== 'string' || !req.body.trim()) return res.status(422).json({ problems: NO_XML });
    try {
      const deployed = await definitions.deploy(req.body, userOf(req)!.username);
      res.status(deployed.created ? 201 : 200).json({ key: deployed.key, version: deployed.version, name: deployed.name, created: deployed.created });
    } catch (err) {
      if (!(err instanceof DeploymentError)) throw err;
      res.status(422).json({ problems: err.problems });
    }
  });

  return r;
}
