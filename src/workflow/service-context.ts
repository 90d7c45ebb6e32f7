import type { Tx } from '../store/db.ts';

/** What the instance runner hands to every service call of a run: its transaction, case and actor. */
export interface ServiceContext {
  tx: Tx;
  caseId: string;
  actor: string | null;
}
