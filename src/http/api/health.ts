import { Router } from 'express';
import { checkDb, type Db } from '../../store/db.ts';

export function healthRoutes(db: Db): Router {
  const r = Router();
  r.get('/health', async (_req, res) => {
    const ok = await checkDb(db);
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'degraded', db: ok ? 'ok' : 'unreachable' });
  });
  return r;
}
