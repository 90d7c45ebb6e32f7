import { createHmac } from 'node:crypto';
import { canonicalJson } from './canonical.ts';

/**
 * The anchors of a case's record: keyed HMACs (ZHIFA_RECORD_KEY, never stored in the database)
 * over its entry count and head hash. Anyone who can write to the database can recompute the
 * plain SHA-256 chain; nobody without the key can sign the head of a chain they have rewritten.
 * The two kinds are kept apart so that a checkpoint's MAC can never pass for a case head's.
 */
export interface RecordHead {
  caseId: string;
  entries: number;
  head: string | null;
}

export function headMac(key: string, h: RecordHead): string {
  return mac(key, { kind: 'head', caseId: h.caseId, entries: h.entries, head: h.head });
}

export function checkpointMac(key: string, h: RecordHead & { day: string }): string {
  return mac(key, { kind: 'checkpoint', caseId: h.caseId, day: h.day, entries: h.entries, head: h.head });
}

function mac(key: string, value: unknown): string {
  return createHmac('sha256', key).update(canonicalJson(value)).digest('hex');
}
