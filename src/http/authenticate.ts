import type { Request, RequestHandler } from 'express';
import type { Accounts } from '../auth/accounts.ts';
import { forbidden, unauthorized } from '../errors.ts';
import type { Actor } from '../workflow/actor.ts';

export type AuthedActor = Awaited<ReturnType<Accounts['actorForToken']>>;

const ACTOR = Symbol('actor');

export function bearerAuth(accounts: Accounts): RequestHandler {
  return async (req, _res, next) => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw unauthorized('this endpoint needs Authorization: Bearer <token> (POST /api/auth/login gives one)');
    (req as unknown as Record<symbol, AuthedActor>)[ACTOR] = { ...(await accounts.actorForToken(match[1]!)), address: req.ip };
    next();
  };
}

export function actorOf(req: Request): AuthedActor {
  const actor = (req as unknown as Record<symbol, AuthedActor | undefined>)[ACTOR];
  if (!actor) throw unauthorized('not signed in');
  return actor;
}

export function requireRole(actor: Actor, ...roles: string[]): void {
  if (!roles.some((r) => actor.roles.includes(r))) throw forbidden(`this needs one of the roles: ${roles.join(', ')}`);
}
