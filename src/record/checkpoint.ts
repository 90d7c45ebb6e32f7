import { shanghaiDate } from '../calendar/dates.ts';
import type { DbOrTx } from '../store/db.ts';
import { recordOfCase } from '../store/history.ts';
import { casesDueForCheckpoint, insertCheckpoint } from '../store/record-checkpoints.ts';
import { recordKeyOf } from '../store/record-context.ts';
import { checkpointMac } from './anchor.ts';
import { anchorProblems } from './verify-anchors.ts';
import { chainProblems } from './verify-case.ts';

export interface CheckpointResult {
  /** The day (Asia/Shanghai) the checkpoints are for. */
  day: string;
  written: number;
  /** Cases whose record did not verify: never signed, named in the log instead. */
  refused: Array<{ caseId: string; problem: string }>;
  /** Why nothing was written at all. */
  skipped: string | null;
}

/**
 * The daily checkpoint: each case whose record head moved since its last checkpoint gets a row
 * (day, entry count, head hash, HMAC) in the append-only record_checkpoints. Once a day per case
 * (unique per case and day), so any number of processes may run it at once and a rerun writes
 * nothing. A record that does not verify is not signed: a checkpoint vouches only for a sound chain.
 */
export async function checkpointRecords(db: DbOrTx, now: Date): Promise<CheckpointResult> {
  const day = shanghaiDate(now);
  const key = recordKeyOf(db);
  if (!key) return { day, written: 0, refused: [], skipped: 'no record key (ZHIFA_RECORD_KEY) configured' };
  let written = 0;
  const refused: CheckpointResult['refused'] = [];
  for (const c of await casesDueForCheckpoint(db, day)) {
    const prefix = (await recordOfCase(db, c.id)).filter((r) => Number(r.seq) <= c.record_entries);
    const problems = [...chainProblems(prefix), ...(await anchorProblems(db, c.id, prefix)).problems];
    if ((prefix.at(-1)?.hash ?? null) !== c.record_head) problems.push({ what: 'case', ref: c.id, message: '记录末条与案件登记的不符' });
    if (problems.length) {
      refused.push({ caseId: c.id, problem: problems[0]!.message });
      continue;
    }
    const head = { caseId: c.id, day, entries: c.record_entries, head: c.record_head };
    if (await insertCheckpoint(db, { case_id: c.id, day, entries: c.record_entries, head: c.record_head, mac: checkpointMac(key, head), made_at: now.getTime() })) written++;
  }
  return { day, written, refused, skipped: null };
}
