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
