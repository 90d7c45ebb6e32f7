import type { DbOrTx } from './db.ts';

/**
 * The client address a command came from, kept beside its transaction: every entry the command
 * appends to the record, however deep in the engine's services, names the address without each
 * caller passing it down. Scheduler commands have none.
 */
const addresses = new WeakMap<object, string>();

export function bindAddress(tx: DbOrTx, address: string | null | undefined): void {
  if (address) addresses.set(tx, address);
}

export function addressOf(tx: DbOrTx): string | null {
  return addresses.get(tx) ?? null;
}

/**
 * The record key (ZHIFA_RECORD_KEY) of a database handle. Every append signs the case head with
 * it, however deep in the engine's services, so it travels with the handle as the address does:
 * a transaction shares its knex instance's client config object, which keys the map.
 */
const keys = new WeakMap<object, string>();

export function bindRecordKey(db: DbOrTx, key: string | null): void {
  if (key) keys.set(db.client.config, key);
  else keys.delete(db.client.config);
}

export function recordKeyOf(db: DbOrTx): string | null {
  return keys.get(db.client.config) ?? null;
}
