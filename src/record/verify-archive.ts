import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import tar from 'tar-stream';
import { CASE_FILE_FORMAT, sealOf, type CaseFileManifest } from './case-file.ts';
import { entryHash } from './canonical.ts';

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
  for (const extra of seen.keys()) problems.push({ what: 'file', ref: extra, message: `文件「${extra}」不在清单中` });
  for (const p of m.verifiedAtExport?.problems ?? []) problems.push({ what: p.what === 'file' ? 'file' : 'entry', ref: p.ref, message: `导出时已发现：${p.message}` });
  return { ok: problems.length === 0, caseId: m.caseId, entries: m.entries.length, files: m.files.length, head: m.head, problems };

  function failed(message: string): ArchiveVerification {
    return { ok: false, caseId: null, entries: 0, files: 0, head: null, problems: [{ what: 'archive', ref: 'archive', message }] };
  }
}
