import type { EvidenceFiles } from '../evidence/file-store.ts';
import type { DbOrTx } from '../store/db.ts';
import { documentById, documentsWithHtmlOfCase } from '../store/documents.ts';
import { evidenceById, evidenceOfCase, type EvidenceRow } from '../store/evidence.ts';
import { recordOfCase, type RecordRow } from '../store/history.ts';
import { fromJson } from '../store/json.ts';
import { entryHash, sha256Hex } from './canonical.ts';
import { anchorProblems } from './verify-anchors.ts';

export interface RecordProblem {
  /** What does not match: a record entry, an evidence row or file, a rendered document. */
  what: 'entry' | 'evidence' | 'file' | 'document' | 'case' | 'anchor';
  /** Entry number in the case, evidence label, document id, or the checkpoint's day. */
  ref: string;
  message: string;
}

export interface CaseVerification {
  caseId: string;
  ok: boolean;
  entries: number;
  files: number;
  documents: number;
  /** Hash of the last entry: compare it with an earlier verification or an exported case file. */
  head: string | null;
  problems: RecordProblem[];
  /** What could not be checked (no record key configured), or null. */
  notice: string | null;
}

/** Recomputes a case's hash chain, checks it against what the case registered and its signed anchors, every evidence file's hash and every rendered document's hash. */
export async function verifyCase(db: DbOrTx, files: EvidenceFiles, caseId: string): Promise<CaseVerification> {
  // Evidence and documents before the record: each is inserted with its entry in one transaction,
  // so the record read afterwards holds the entry of everything read here.
  const evidence = await evidenceOfCase(db, caseId);
  const documents = await documentsWithHtmlOfCase(db, caseId);
  const rows = await recordOfCase(db, caseId);
  const problems = chainProblems(rows);
  const anchors = await anchorProblems(db, caseId, rows);
  problems.push(...anchors.problems);
  const entries = rows.map((r) => ({ row: r, kind: r.kind, seq: r.seq, data: fromJson<Record<string, unknown>>(r.data, {}) }));
  for (const e of evidence) problems.push(...(await evidenceProblems(e, entries, files)));
  const kept = new Set(evidence.map((e) => e.id));
  for (const added of entries.filter((x) => x.kind === 'evidence.added' && !kept.has(Number(x.data.evidenceId)))) {
    if (await evidenceById(db, Number(added.data.evidenceId))) continue; // added while we read
    problems.push({ what: 'evidence', ref: String(added.data.label ?? added.data.evidenceId), message: `证据「${added.data.label}」的登记已被删除（记录第 ${added.seq} 条载明其存在）` });
  }
  for (const d of documents) {
    const issued = entries.find((x) => x.kind === 'document.issued' && Number(x.data.documentId) === d.id);
    if (!issued) problems.push({ what: 'document', ref: String(d.id), message: `文书「${d.title}」（${d.number ?? d.id}）在案件记录中没有制作记录` });
    else if (issued.data.title !== d.title || (issued.data.number ?? null) !== d.number || issued.data.kind !== d.kind) {
      problems.push({ what: 'document', ref: String(d.id), message: `文书「${d.title}」（${d.number ?? d.id}）的名称、文号或种类与记录第 ${issued.seq} 条不符，已被改动` });
    } else if (typeof issued.data.sha256 === 'string' && issued.data.sha256 !== sha256Hex(d.html)) {
      problems.push({ what: 'document', ref: String(d.id), message: `文书「${d.title}」（${d.number ?? d.id}）的内容与制作时记录的哈希不符，已被改动` });
    }
  }
  const rendered = new Set(documents.map((d) => d.id));
  for (const issued of entries.filter((x) => x.kind === 'document.issued' && !rendered.has(Number(x.data.documentId)))) {
    if (await documentById(db, Number(issued.data.documentId))) continue; // issued while we read
    problems.push({ what: 'document', ref: String(issued.data.documentId), message: `文书「${issued.data.title}」（${issued.data.number ?? issued.data.documentId}）已被删除（记录第 ${issued.seq} 条载明其制作）` });
  }
  return { caseId, ok: problems.length === 0, entries: rows.length, files: evidence.length, documents: documents.length, head: rows.at(-1)?.hash ?? null, problems, notice: anchors.notice };
}

/** Each entry must be the next number, follow the hash of the one before, and hash to what it says. */
export function chainProblems(rows: RecordRow[]): RecordProblem[] {
  const problems: RecordProblem[] = [];
  let prev: string | null = null;
  let expected = 1;
  for (const r of rows) {
    const seq = Number(r.seq);
    if (seq !== expected) {
      problems.push({ what: 'entry', ref: String(expected), message: seq > expected ? `记录第 ${expected}${seq - 1 > expected ? `–${seq - 1}` : ''} 条已被删除（其后是第 ${seq} 条）` : `记录第 ${seq} 条重复` });
    }
    if (r.prev_hash !== prev) problems.push({ what: 'entry', ref: String(seq), message: `记录第 ${seq} 条（${r.kind}）与前一条的哈希不衔接` });
    const hash = entryHash({ caseId: r.case_id ?? '', seq, instanceId: r.instance_id, at: Number(r.at), actor: r.actor, address: r.address, kind: r.kind, elementId: r.element_id, data: fromJson(r.data, null), prevHash: r.prev_hash });
    if (hash !== r.hash) problems.push({ what: 'entry', ref: String(seq), message: `记录第 ${seq} 条（${r.kind}）的内容与其哈希不符，已被改动` });
    prev = r.hash;
    expected = seq + 1;
  }
  return problems;
}

async function evidenceProblems(e: EvidenceRow, entries: Array<{ row: RecordRow; kind: string; seq: number | null; data: Record<string, unknown> }>, files: EvidenceFiles): Promise<RecordProblem[]> {
  const label = `${e.kind} No. ${e.seq}`;
  const added = entries.find((x) => x.kind === 'evidence.added' && Number(x.data.evidenceId) === e.id);
  if (!added) return [{ what: 'evidence', ref: label, message: `证据「${label}」（${e.file_name}）在案件记录中没有登记记录` }];
  if (!sameAsRecorded(e, added.row, added.data)) return [{ what: 'evidence', ref: label, message: `证据「${label}」的登记与记录第 ${added.seq} 条不符，已被改动` }];
  const onDisk = await files.hashOf(e.sha256);
  if (!onDisk) return [{ what: 'file', ref: label, message: `证据文件「${label}」（${e.file_name}）已不在存储中` }];
  if (onDisk.sha256 !== e.sha256) return [{ what: 'file', ref: label, message: `证据文件「${label}」（${e.file_name}）已被改动：现在的 SHA-256 为 ${onDisk.sha256}，登记时为 ${e.sha256}` }];
  return [];
}

/** Every column of an evidence row that its entry recorded: the file, its annotation, its step, who, when, from where, what it corrects. */
function sameAsRecorded(e: EvidenceRow, row: RecordRow, d: Record<string, unknown>): boolean {
  const a = (d.annotation ?? {}) as Record<string, unknown>;
  const corrects = (d.corrects as { evidenceId?: unknown } | undefined)?.evidenceId ?? null;
  const same = (x: unknown, y: unknown) => (x ?? null) === (y ?? null);
  return d.sha256 === e.sha256 && Number(d.size) === Number(e.size) && d.label === `${e.kind} No. ${e.seq}` && d.fileName === e.file_name
    && same(d.taskId, e.task_id) && same(row.element_id, e.element_id) && row.instance_id === e.instance_id
    && same(a.description, e.description) && same(a.place, e.place) && same(a.speakers, e.speakers) && same(a.summary, e.summary)
    && same(corrects === null ? null : Number(corrects), e.corrects === null ? null : Number(e.corrects))
    && row.actor === e.uploaded_by && Number(row.at) === Number(e.uploaded_at) && same(row.address, e.uploaded_from);
}
