import type { Db } from '../store/db.ts';
import { instanceById } from '../store/instances.ts';
import { subscriptionById } from '../store/subscriptions.ts';
import type { Definitions } from './definitions.ts';

/** A message a case waits for (登记事项): which of its instances waits, for which message, at what step in the diagram's words. */
export interface AwaitedMessage {
  instanceId: string;
  messageName: string;
  /** The catching event's name in the diagram, else the message's name. */
  label: string;
}

/**
 * The message a case waits for at one of its subscriptions; undefined when the subscription is
 * gone (the message came, or the case stopped waiting) or belongs to another case.
 */
export async function awaitedMessage(workflow: { db: Db; definitions: Definitions }, caseId: string, subscriptionId: number): Promise<AwaitedMessage | undefined> {
  const { db, definitions } = workflow;
  const sub = Number.isInteger(subscriptionId) ? await subscriptionById(db, subscriptionId) : undefined;
  const owner = sub && (await instanceById(db, sub.instance_id));
  if (!sub || owner?.root_id !== caseId) return undefined;
  const label = (await definitions.compiledById(db, owner.definition_id)).elementNames?.[sub.element_id] ?? sub.message_name;
  return { instanceId: sub.instance_id, messageName: sub.message_name, label };
}
