import { createRequire } from 'node:module';
import express, { Router, type Request, type Response } from 'express';
import { DeploymentError } from '../../../engine/errors.ts';
import { notFound } from '../../../errors.ts';
import type { AdminDeps, AdminPage } from './admin-deps.ts';
import { blankDiagram } from './blank-diagram.ts';
import { userOf } from '../shared/session.ts';

const require = createRequire(import.meta.url);
const camundaSchema = require('camunda-bpmn-moddle/resources/camunda.json') as unknown;

const MODELER = ['/assets/bpmn-js/bpmn-modeler.production.min.js', '/assets/admin-modeler.js'];
const MODELER_CSS = ['/assets/bpmn-js/assets/diagram-js.css', '/assets/bpmn-js/assets/bpmn-js.css', '/assets/bpmn-js/assets/bpmn-font/css/bpmn.css'];
const KEY = /^[A-Za-z_][\w.-]*$/;
const NO_XML = [{ message: '请求中没有 BPMN 文档（以 application/xml 发送）', elementId: null }];

/** The process list, the modeler, and the validate and deploy endpoints the modeler posts to. */
export function adminProcesses(deps: AdminDeps, page: AdminPage): Router {
  const r = Router();
  r.use(processList(deps, page));
  r.use(modeler(deps, page));
  r.use(deployment(deps));
  return r;
}

/** Each process with its versions, who deployed them and how many cases of each still run. */
function processList(deps: AdminDeps, page: AdminPage): Router {
  const r = Router();
  r.get('/admin', async (req, res) => {
    const processes = (await deps.workflow.definitions.processes({ running: true })).map((p) => ({
      key: p.key, name: p.name,
      versions: p.versions.map((v) => ({ version: v.version, deployedAt: Number(v.deployed_at), deployedBy: v.deployed_by, running: v.running ?? 0 })),
    }));
    const deployed = typeof req.query.deployed === 'string' ? req.query.deployed.slice(0, 200) : undefined;
    page(res, 'admin-processes', { title: '系统管理 · 流程', section: 'processes', processes, flash: deployed && `已部署 ${deployed}` });
  });
  return r;
}

/** The modeler page, a new diagram or a deployed version to start from, and the Camunda extension schema it reads. */
function modeler(deps: AdminDeps, page: AdminPage): Router {
  const { definitions } = deps.workflow;
  const r = Router();
  const open = (res: Response, ctx: Record<string, unknown>) => page(res, 'admin-modeler', { section: 'processes', scripts: MODELER, styles: MODELER_CSS, bodyClass: 'wide', ...ctx });

  r.get('/admin/processes/new', (_req, res) => open(res, { title: '新建流程', isNew: true, xmlUrl: '/admin/processes/new/diagram.bpmn' }));
  r.get('/admin/processes/new/diagram.bpmn', (_req, res) => res.type('application/xml').send(blankDiagram()));
  r.get('/admin/processes/camunda-moddle.json', (_req, res) => res.json(camundaSchema));

  r.get('/admin/processes/:key/edit', async (req, res) => {
    const asked = req.query.version === undefined ? undefined : Number(req.query.version);
    const def = asked === undefined || Number.isInteger(asked) ? await definitions.find(req.params.key, asked) : undefined;
    if (!def) throw notFound(`流程「${req.params.key}」${asked === undefined ? '' : `第 ${req.query.version} 版`}未部署`);
    open(res, {
      title: `编辑流程 ${def.name ?? def.key}`, key: def.key, name: def.name, version: def.version,
      xmlUrl: `/admin/processes/${encodeURIComponent(def.key)}/versions/${def.version}/diagram.bpmn`,
    });
  });

  r.get('/admin/processes/:key/versions/:version/diagram.bpmn', async (req, res) => {
    const version = Number(req.params.version);
    const def = KEY.test(req.params.key) && Number.isInteger(version) ? await definitions.find(req.params.key, version) : undefined;
    if (!def) throw notFound(`流程「${req.params.key}」第 ${req.params.version} 版不存在`);
    if (req.query.download !== undefined) res.attachment(`${def.key}-v${def.version}.bpmn`);
    res.type('application/xml').send(def.xml);
  });
  return r;
}

/** Validate and deploy, as the API does (Definitions.check and deploy make every check); problems come back as JSON for the modeler. */
function deployment(deps: AdminDeps): Router {
  const { definitions } = deps.workflow;
  const r = Router();
  const xmlBody = express.text({ type: ['application/xml', 'text/xml', 'text/plain'], limit: deps.bodyLimit });
  const xmlOf = (req: Request) => (typeof req.body === 'string' && req.body.trim() ? req.body : undefined);

  r.post('/admin/processes/validate', xmlBody, async (req, res) => {
    const xml = xmlOf(req);
    const problems = xml ? await definitions.check(xml) : NO_XML;
    res.json({ valid: problems.length === 0, problems });
  });

  r.post('/admin/processes/deploy', xmlBody, async (req, res) => {
    const xml = xmlOf(req);
    if (!xml) return res.status(422).json({ problems: NO_XML });
    try {
      const deployed = await definitions.deploy(xml, userOf(req)!.username);
      res.status(deployed.created ? 201 : 200).json({ key: deployed.key, version: deployed.version, name: deployed.name, created: deployed.created });
    } catch (err) {
      if (!(err instanceof DeploymentError)) throw err;
      res.status(422).json({ problems: err.problems });
    }
  });
  return r;
}
