import { createHash } from 'node:crypto';

/**
 * The canonical form of a record entry: JSON with object keys in sorted order, so the same entry
 * hashes the same whether it was just written or read back from either database. It must never
 * change: every stored chain was computed with it.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** What a record entry's hash covers: everything about it, and the hash of the entry before it in its case. */
export interface ChainedEntry {
  caseId: string;
  seq: number;
  instanceId: string;
  at: number;
  actor: string | null;
  address: string | null;
  kind: string;
  elementId: string | null;
  data: unknown;
  prevHash: string | null;
}

export function entryHash(e: ChainedEntry): string {
  return sha256Hex(
    canonicalJson({ caseId: e.caseId, seq: e.seq, instanceId: e.instanceId, at: e.at, actor: e.actor, address: e.address, kind: e.kind, element: e.elementId, data: e.data ?? null, prevHash: e.prevHash }),
  );
}
