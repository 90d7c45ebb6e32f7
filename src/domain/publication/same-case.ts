import type { Tx } from '../../store/db.ts';
import { instanceById } from '../../store/instances.ts';

/**
 * A withdrawal or a correction is its own procedure, started when a published decision is found
 * revoked or wrong; it belongs to the decision's case by the business key (case number) they share.
 */
export async function sameCase(tx: Tx, publishedBy: string, caller: string): Promise<boolean> {
  if (publishedBy === caller) return true;
  const [a, b] = await Promise.all([instanceById(tx, publishedBy), instanceById(tx, caller)]);
  return Boolean(a?.business_key) && a?.business_key === b?.business_key;
}
