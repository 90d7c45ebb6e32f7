import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import tar from 'tar-stream';
import { CASE_FILE_FORMAT, sealOf, timelineText, type CaseFileManifest, type ManifestFile } from './case-file.ts';
import { entryHash, sha256Hex } from './canonical.ts';

export interface ArchiveProblem {
  what: 'archive' | 'manifest' | 'entry' | 'file';
  ref: string;
  message: string;
}

export interface ArchiveVerification {
  ok: boolean;
  caseId: string | null;
  entries: number;
  files: number;
  head: string | null;
  problems: ArchiveProblem[];
}

/** Checks a case file offline: the manifest's seal, the chain of its entries, and every file against its listed hash. */
export async function verifyArchive(input: Readable): Promise<ArchiveVerification> {
  const extract = tar.extract();
  input.pipe(extract);
  const seen = new Map<string, { sha256: string; size: number }>();
  let manifestText: string | null = null;
  try {
    for await (const entry of extract) {
      const hash = createHash('sha256');
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        hash.update(chunk);
        size += chunk.length;
        if (entry.header.name === 'manifest.json') chunks.push(chunk);
      }
      if (entry.header.name === 'manifest.json') manifestText = Buffer.concat(chunks).toString('utf8');
      else seen.set(entry.header.name, { sha256: hash.digest('hex'), size });
    }
  } catch (err) {
    return failed(`案卷文件已损坏，无法读取：${err instanceof Error ? err.message : String(err)}`);
  }
  if (manifestText === null) return failed('案卷中没有 manifest.json');
  let m: CaseFileManifest;
  try {
    m = JSON.parse(manifestText) as CaseFileManifest;
  } catch {
    return failed('manifest.json 已损坏，不是有效的 JSON');
  }
  if (m.format !== CASE_FILE_FORMAT || !Array.isArray(m.entries) || !Array.isArray(m.files)) return failed(`manifest.json 不是 ${CASE_FILE_FORMAT} 格式`);

  const problems: ArchiveProblem[] = [];
  if (m.seal !== sealOf(m)) problems.push({ what: 'manifest', ref: 'manifest.json', message: 'manifest.json 已被改动：其内容与封存哈希（seal）不符' });
  let prev: string | null = null;
  m.entries.forEach((e, i) => {
    if (e.seq !== i + 1) problems.push({ what: 'entry', ref: String(i + 1), message: `记录第 ${i + 1} 条缺失（清单中是第 ${e.seq} 条）` });
    if (e.prevHash !== prev) problems.push({ what: 'entry', ref: String(e.seq), message: `记录第 ${e.seq} 条（${e.kind}）与前一条的哈希不衔接` });
    if (entryHash({ caseId: m.caseId, seq: e.seq, instanceId: e.instanceId, at: e.at, actor: e.actor, address: e.address, kind: e.kind, elementId: e.elementId, data: e.data, prevHash: e.prevHash }) !== e.hash) {
      problems.push({ what: 'entry', ref: String(e.seq), message: `记录第 ${e.seq} 条（${e.kind}）的内容与其哈希不符，已被改动` });
    }
    prev = e.hash;
  });
  if ((m.entries.at(-1)?.hash ?? null) !== m.head) problems.push({ what: 'manifest', ref: 'head', message: '清单的末条哈希（head）与记录不符' });
  for (const f of m.files) {
    const got = seen.get(f.path);
    if (!got) problems.push({ what: 'file', ref: f.path, message: `文件「${f.path}」（${f.title}）不在案卷中` });
    else if (got.sha256 !== f.sha256 || got.size !== f.size) problems.push({ what: 'file', ref: f.path, message: `文件「${f.path}」（${f.title}）已被改动：SHA-256 为 ${got.sha256}，清单载明 ${f.sha256}` });
    seen.delete(f.path);
  }
  problems.push(...unregisteredFiles(m));
  for (const extra of seen.keys()) problems.push({ what: 'file', ref: extra, message: `文件「${extra}」不在清单中` });
  for (const p of m.verifiedAtExport?.problems ?? []) problems.push({ what: p.what === 'file' ? 'file' : 'entry', ref: p.ref, message: `导出时已发现：${p.message}` });
  return { ok: problems.length === 0, caseId: m.caseId, entries: m.entries.length, files: m.files.length, head: m.head, problems };

  function failed(message: string): ArchiveVerification {
    return { ok: false, caseId: null, entries: 0, files: 0, head: null, problems: [{ what: 'archive', ref: 'archive', message }] };
  }
}

/**
 * The seal and the listed hashes are made from the archive itself, so anyone can remake them; the
 * chain of entries is what ties the archive to the live record (its head). Each file must
 * therefore be the one the chain registers: the timeline is made again from the entries, each
 * document has the hash its document.issued entry recorded, each evidence file the hash and size
 * of its evidence.added entry, and nothing the chain registers is left out.
 */
function unregisteredFiles(m: CaseFileManifest): ArchiveProblem[] {
  const problems: ArchiveProblem[] = [];
  const data = (e: CaseFileManifest['entries'][number]) => (e.data ?? {}) as Record<string, unknown>;
  const listed = (what: ManifestFile['what']) => m.files.filter((f) => f.what === what);
  const timeline = m.files.find((f) => f.path === 'timeline.txt');
  if (!timeline || timeline.sha256 !== sha256Hex(Buffer.from(timelineText(m.entries), 'utf8'))) {
    problems.push({ what: 'file', ref: 'timeline.txt', message: '文件「timeline.txt」（案件全过程记录）与清单中的记录条目不符，已被改动' });
  }
  const issued = m.entries.filter((e) => e.kind === 'document.issued');
  const documents = listed('document');
  for (const f of documents) {
    const id = Number(/^documents\/(\d+)-/.exec(f.path)?.[1]);
    const entry = issued.find((e) => Number(data(e).documentId) === id);
    if (!entry) problems.push({ what: 'file', ref: f.path, message: `文件「${f.path}」（${f.title}）在记录中没有制作记录` });
    else if (typeof data(entry).sha256 === 'string' && data(entry).sha256 !== f.sha256) problems.push({ what: 'file', ref: f.path, message: `文件「${f.path}」（${f.title}）与记录第 ${entry.seq} 条登记的哈希不符，已被改动` });
  }
  for (const e of issued.filter((x) => !documents.some((f) => Number(/^documents\/(\d+)-/.exec(f.path)?.[1]) === Number(data(x).documentId)))) {
    problems.push({ what: 'file', ref: String(data(e).documentId), message: `文书「${data(e).title}」（记录第 ${e.seq} 条载明其制作）不在案卷中` });
  }
  const added = m.entries.filter((e) => e.kind === 'evidence.added');
  const evidence = listed('evidence');
  for (const f of evidence) {
    if (!added.some((e) => data(e).sha256 === f.sha256 && Number(data(e).size) === f.size)) problems.push({ what: 'file', ref: f.path, message: `文件「${f.path}」（${f.title}）不是记录中登记的证据文件：其 SHA-256 ${f.sha256} 在记录中没有登记` });
  }
  for (const e of added.filter((x) => !evidence.some((f) => f.sha256 === data(x).sha256))) {
    problems.push({ what: 'file', ref: String(data(e).label), message: `证据「${data(e).label}」（${data(e).fileName}，记录第 ${e.seq} 条登记）不在案卷中` });
  }
  return problems;
}
