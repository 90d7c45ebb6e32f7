import { Router } from 'express';
import type { Accounts } from '../../auth/accounts.ts';

export function authRoutes(accounts: Accounts): Router {
  const r = Router();
  r.post('/auth/login', async (req, res) => {
    const { username, password } = (req.body ?? {}) as { username?: unknown; password?: unknown };
    const { token, expiresAt } = await accounts.login(username, password, req.ip);
    res.json({ token, expiresAt: new Date(expiresAt).toISOString() });
  });
  // With the current password, no token needed: how an account whose login answers 403 "must change password" gets one.
  r.post('/auth/password', async (req, res) => {
    const { username, password, newPassword } = (req.body ?? {}) as { username?: unknown; password?: unknown; newPassword?: unknown };
    const { token, expiresAt } = await accounts.changePassword(username, password, newPassword, req.ip);
    res.json({ token, expiresAt: new Date(expiresAt).toISOString() });
  });
  return r;
}
