import express, { Router } from 'express';
import { Roles } from '../../auth/accounts.ts';
import { badRequest, ZhifaError } from '../../errors.ts';
import type { Definitions } from '../../workflow/definitions.ts';
import { actorOf, requireRole } from '../authenticate.ts';

export function definitionRoutes(definitions: Definitions, bodyLimit: string): Router {
  const r = Router();
  const xmlBody = express.text({ type: () => true, limit: bodyLimit });

  r.post('/definitions', xmlBody, async (req, res) => {
    const actor = actorOf(req);
    requireRole(actor, Roles.admin, Roles.processAdmin);
    const type = req.get('content-type') ?? '';
    if (type && !/xml|text\/plain|octet-stream|bpmn/i.test(type)) {
      throw new ZhifaError('unsupportedMediaType', `send the BPMN document as application/xml (got ${type})`);
    }
    if (typeof req.body !== 'string' || !req.body.trim()) throw badRequest('the request body must be a BPMN 2.0 XML document');
    const deployed = await definitions.deploy(req.body, actor.username);
    res.status(deployed.created ? 201 : 200).json({ key: deployed.key, version: deployed.version, name: deployed.name, created: deployed.created });
  });

  r.get('/definitions', async (_req, res) => {
    const rows = await definitions.list();
    res.json(
      rows.map((d) => ({ key: d.key, version: d.version, name: d.name, deployedAt: new Date(d.deployed_at).toISOString(), deployedBy: d.deployed_by, hash: d.hash })),
    );
  });
  return r;
}
