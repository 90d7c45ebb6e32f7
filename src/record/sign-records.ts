import type { DbOrTx } from '../store/db.ts';
import { recordOfCase } from '../store/history.ts';
import { signCaseHead, unsignedCases } from '../store/record-checkpoints.ts';
import { recordKeyOf } from '../store/record-context.ts';
import { headMac } from './anchor.ts';
import { anchorProblems, UNSIGNED } from './verify-anchors.ts';
import { chainProblems } from './verify-case.ts';

/**
 * `zhifa sign-records`: signs the heads written before the record key was configured (migrated
 * records, a development database), each after its chain verified. An operator's act, run once
 * when the key is first set: the server never signs an unsigned head by itself, or removing a
 * head's signature would be a way to have a rewritten record signed.
 */
export async function signUnsignedRecords(db: DbOrTx): Promise<{ signed: string[]; refused: Array<{ caseId: string; problem: string }> }> {
  const key = recordKeyOf(db);
  if (!key) throw new Error('sign-records needs ZHIFA_RECORD_KEY');
  const signed: string[] = [];
  const refused: Array<{ caseId: string; problem: string }> = [];
  for (const c of await unsignedCases(db)) {
    const entries = Number(c.record_entries);
    const rows = await recordOfCase(db, c.id);
    const problems = [...chainProblems(rows), ...(await anchorProblems(db, c.id, rows)).problems.filter((p) => p.ref !== UNSIGNED)];
    if (problems.length) refused.push({ caseId: c.id, problem: problems[0]!.message });
    else if (await signCaseHead(db, c.id, { entries, head: c.record_head }, headMac(key, { caseId: c.id, entries, head: c.record_head }))) signed.push(c.id);
  }
  return { signed, refused };
}
