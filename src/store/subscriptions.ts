import type { DbOrTx } from './db.ts';

export interface SubscriptionRow {
  id: number;
  instance_id: string;
  message_name: string;
  message_id: string;
  element_id: string;
  execution_id: string;
  created_at: number;
}

export function subscriptionsOf(db: DbOrTx, instanceId: string): Promise<SubscriptionRow[]> {
  return db<SubscriptionRow>('message_subscriptions').where({ instance_id: instanceId });
}

export async function insertSubscription(db: DbOrTx, row: Omit<SubscriptionRow, 'id'>): Promise<void> {
  await db('message_subscriptions').insert(row);
}

export async function deleteSubscription(db: DbOrTx, id: number): Promise<void> {
  await db('message_subscriptions').where({ id }).delete();
}

/** Waiting receivers of a message by name, in instances selected by id or business key. */
export function subscribersOf(db: DbOrTx, messageName: string, target: { instanceId?: string; businessKey?: string }): Promise<SubscriptionRow[]> {
  const q = db<SubscriptionRow>('message_subscriptions as s')
    .join('instances as i', 'i.id', 's.instance_id')
    .where('s.message_name', messageName)
    .andWhere('i.status', 'running')
    .select('s.*')
    .orderBy('s.id');
  if (target.instanceId) q.andWhere('i.id', target.instanceId);
  if (target.businessKey) q.andWhere('i.business_key', target.businessKey);
  return q;
}

/** What the processes of a case wait to be told (messages), oldest first: the actions staff may record. */
export function subscriptionsOfCase(db: DbOrTx, caseId: string): Promise<SubscriptionRow[]> {
  return db<SubscriptionRow>('message_subscriptions')
    .join('instances', 'instances.id', 'message_subscriptions.instance_id')
    .where('instances.root_id', caseId)
    .select('message_subscriptions.*')
    .orderBy('message_subscriptions.id');
}

export function subscriptionById(db: DbOrTx, id: number): Promise<SubscriptionRow | undefined> {
  return db<SubscriptionRow>('message_subscriptions').where({ id }).first();
}
