import { Router } from 'express';
import type { Accounts } from '../../auth/accounts.ts';

export function authRoutes(accounts: Accounts): Router {
  const r = Router();
  r.post('/auth/login', async (req, res) => {
    const { username, password } = (req.body ?? {}) as { username?: unknown; password?: unknown };
    const { token, expiresAt } = await accounts.login(username, password, req.ip);
    res.json({ token, expiresAt: new Date(expiresAt).toISOString() });
  });
  return r;
}
