import type { DbOrTx } from '../store/db.ts';
import { recordOfCase, type RecordRow } from '../store/history.ts';
import { caseHeadOf, checkpointsOf, type CaseHeadRow } from '../store/record-checkpoints.ts';
import { recordKeyOf } from '../store/record-context.ts';
import { checkpointMac, headMac } from './anchor.ts';
import type { RecordProblem } from './verify-case.ts';

/** The ref of the problem "this head was never signed" (written before a key was configured). */
export const UNSIGNED = 'unsigned';

export const NO_RECORD_KEY = '未配置记录密钥（ZHIFA_RECORD_KEY），无法核验锚点：重新计算过哈希的记录无法识别';

/**
 * What ties the record to its case and to the outside: the entry count and head hash the case
 * registered with each append, the HMAC of that head, and every signed daily checkpoint. A
 * record emptied, cut short or re-chained fails here, unless the record key was stolen too.
 */
export async function anchorProblems(db: DbOrTx, caseId: string, rows: RecordRow[]): Promise<{ problems: RecordProblem[]; notice: string | null }> {
  const problems: RecordProblem[] = [];
  const key = recordKeyOf(db);
  let registered = await caseHeadOf(db, caseId);
  if (registered && !agrees(registered, rows)) {
    // An append may have committed between reading the rows and the case: read both once more.
    const again = await recordOfCase(db, caseId);
    registered = await caseHeadOf(db, caseId);
    if (registered && agrees(registered, again)) rows = again;
  }
  if (!registered) {
    problems.push({ what: 'case', ref: caseId, message: rows.length ? `记录第 1–${rows.length} 条所属的案件已不存在` : `案件 ${caseId} 不存在` });
    return { problems, notice: null };
  }
  const n = registered.record_entries;
  const head = rows.at(-1)?.hash ?? null;
  if (!rows.length) {
    problems.push({ what: 'case', ref: caseId, message: `案件的全过程记录为空：案件仍在，但记录没有任何条目${n ? `（案件登记共 ${n} 条，已全部被删除）` : ''}` });
  } else if (n > rows.length) {
    problems.push({ what: 'case', ref: String(rows.length + 1), message: `记录末尾的第 ${rows.length + 1}${n > rows.length + 1 ? `–${n}` : ''} 条已被删除：案件登记共 ${n} 条，现存 ${rows.length} 条` });
  } else if (n < rows.length) {
    problems.push({ what: 'case', ref: String(n + 1), message: `记录有 ${rows.length} 条，多于案件登记的 ${n} 条：第 ${n + 1} 条起不是经本系统写入的` });
  } else if (registered.record_head !== head) {
    problems.push({ what: 'case', ref: String(n), message: `记录末条（第 ${n} 条）的哈希与案件登记的不符：记录已被改写，哈希被重新计算过` });
  }
  if (key && n > 0) {
    if (!registered.record_mac) problems.push({ what: 'anchor', ref: UNSIGNED, message: `案件登记的记录末条没有密钥签名（HMAC）：写入时未配置记录密钥，请由管理员运行 zhifa sign-records 核验后签名` });
    else if (registered.record_mac !== headMac(key, { caseId, entries: n, head: registered.record_head })) {
      problems.push({ what: 'anchor', ref: 'head', message: `案件登记的记录末条（共 ${n} 条）与其密钥签名（HMAC）不符：记录或其登记被改写，或记录密钥不对` });
    }
  }
  for (const c of await checkpointsOf(db, caseId)) {
    if (key && c.mac !== checkpointMac(key, { caseId, day: c.day, entries: c.entries, head: c.head })) {
      problems.push({ what: 'anchor', ref: c.day, message: `${c.day} 的检查点（共 ${c.entries} 条）与其密钥签名（HMAC）不符：检查点被改动，或记录密钥不对` });
      continue;
    }
    const at = rows.find((r) => Number(r.seq) === c.entries);
    if (!at) problems.push({ what: 'anchor', ref: c.day, message: `记录与 ${c.day} 的检查点不符：检查点载明记录当时已有 ${c.entries} 条，现在没有第 ${c.entries} 条` });
    else if (at.hash !== c.head) problems.push({ what: 'anchor', ref: c.day, message: `记录与 ${c.day} 的检查点不符：检查点载明第 ${c.entries} 条的哈希为 ${c.head}，现在为 ${at.hash}：记录已被改写` });
  }
  return { problems, notice: key ? null : NO_RECORD_KEY };
}

function agrees(registered: CaseHeadRow, rows: RecordRow[]): boolean {
  return registered.record_entries === rows.length && registered.record_head === (rows.at(-1)?.hash ?? null);
}
