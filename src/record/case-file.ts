import fs from 'node:fs';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';
import type { EvidenceFiles } from '../evidence/file-store.ts';
import type { DbOrTx } from '../store/db.ts';
import { documentsWithHtmlOfCase } from '../store/documents.ts';
import { evidenceOfCase } from '../store/evidence.ts';
import { recordOfCase, type RecordRow } from '../store/history.ts';
import { instanceById } from '../store/instances.ts';
import { fromJson } from '../store/json.ts';
import { canonicalJson, sha256Hex, type ChainedEntry } from './canonical.ts';
import { verifyCase, type RecordProblem } from './verify-case.ts';

export const CASE_FILE_FORMAT = 'zhifa-case-file/1';

/** An entry of the record as the manifest lists it: what its hash covers (its case is the archive's), and the hash. */
export type ManifestEntry = Omit<ChainedEntry, 'caseId'> & { hash: string };

export interface ManifestFile {
  path: string;
  sha256: string;
  size: number;
  what: 'timeline' | 'document' | 'evidence';
  title: string;
}

export interface CaseFileManifest {
  format: typeof CASE_FILE_FORMAT;
  caseId: string;
  processKey: string;
  businessKey: string | null;
  exportedAt: string;
  exportedBy: string;
  head: string | null;
  entries: ManifestEntry[];
  files: ManifestFile[];
  /** What the live verification found when the file was made (an export never hides a problem). */
  verifiedAtExport: { ok: boolean; problems: RecordProblem[] };
  /** SHA-256 over the canonical form of everything above: a changed byte anywhere in the manifest shows. */
  seal?: string;
}

export function sealOf(m: CaseFileManifest): string {
  const { seal: _seal, ...rest } = m;
  return sha256Hex(canonicalJson(rest));
}

/**
 * The case file (案卷) as one tar archive: manifest.json (every record entry with its hash, every
 * file with its hash), timeline.txt, the rendered documents and the evidence files as stored.
 * `zhifa verify --archive` checks it without the database.
 */
export async function writeCaseFile(db: DbOrTx, files: EvidenceFiles, caseId: string, out: Writable, meta: { now: Date; by: string }): Promise<CaseFileManifest> {
  const root = await instanceById(db, caseId);
  if (!root) throw new Error(`case ${caseId} does not exist`);
  const verification = await verifyCase(db, files, caseId);
  const rows = await recordOfCase(db, caseId);
  const entries = rows.map(manifestEntry);
  const timeline = Buffer.from(timelineText(entries), 'utf8');
  // What the record read above registers: a file added since belongs to a later export, and one
  // the record does not register is named in verifiedAtExport.
  const registered = (kind: string, key: string) => new Set(entries.filter((e) => e.kind === kind).map((e) => Number((e.data as Record<string, unknown> | null)?.[key])));
  const issued = registered('document.issued', 'documentId');
  const added = registered('evidence.added', 'evidenceId');
  const documents = (await documentsWithHtmlOfCase(db, caseId)).filter((d) => issued.has(d.id));
  const evidence = (await evidenceOfCase(db, caseId)).filter((e) => added.has(e.id));

  const listed: ManifestFile[] = [{ path: 'timeline.txt', sha256: sha256Hex(timeline), size: timeline.length, what: 'timeline', title: '案件全过程记录（时间顺序）' }];
  const docBytes = documents.map((d) => Buffer.from(d.html, 'utf8'));
  documents.forEach((d, i) => listed.push({ path: `documents/${d.id}-${d.kind}.html`, sha256: sha256Hex(docBytes[i]!), size: docBytes[i]!.length, what: 'document', title: `${d.title}${d.number ? ` ${d.number}` : ''}` }));
  const evidencePaths = evidence.map((e) => `evidence/${e.id}-${e.sha256.slice(0, 12)}${extOf(e.file_name)}`);
  evidence.forEach((e, i) => listed.push({ path: evidencePaths[i]!, sha256: e.sha256, size: Number(e.size), what: 'evidence', title: `${e.kind} No. ${e.seq} ${e.file_name}` }));

  const manifest: CaseFileManifest = {
    format: CASE_FILE_FORMAT,
    caseId,
    processKey: root.process_key,
    businessKey: root.business_key,
    exportedAt: meta.now.toISOString(),
    exportedBy: meta.by,
    head: rows.at(-1)?.hash ?? null,
    entries,
    files: listed,
    verifiedAtExport: { ok: verification.ok, problems: verification.problems },
  };
  manifest.seal = sealOf(manifest);

  const pack = tar.pack();
  const written = pipeline(pack, out);
  const add = (name: string, body: Buffer) => new Promise<void>((resolve, reject) => pack.entry({ name, size: body.length }, body, (err) => (err ? reject(err) : resolve())));
  await add('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2), 'utf8'));
  await add('timeline.txt', timeline);
  for (const [i, d] of documents.entries()) await add(`documents/${d.id}-${d.kind}.html`, docBytes[i]!);
  for (const [i, e] of evidence.entries()) {
    const file = files.pathOf(e.sha256);
    const size = fs.existsSync(file) ? fs.statSync(file).size : 0;
    if (!size) await add(evidencePaths[i]!, Buffer.alloc(0)); // gone from the store: verifiedAtExport says so
    else await pipeline(fs.createReadStream(file), pack.entry({ name: evidencePaths[i]!, size }));
  }
  pack.finalize();
  await written;
  return manifest;
}

function manifestEntry(r: RecordRow): ManifestEntry {
  return { seq: Number(r.seq), instanceId: r.instance_id, at: Number(r.at), actor: r.actor, address: r.address, kind: r.kind, elementId: r.element_id, data: fromJson(r.data, null), prevHash: r.prev_hash, hash: r.hash ?? '' };
}

function extOf(fileName: string): string {
  const m = /\.[A-Za-z0-9]{1,8}$/.exec(fileName);
  return m ? m[0].toLowerCase() : '';
}

/** The timeline, made from the manifest's entries alone, so that the offline check can make it again and compare. */
export function timelineText(entries: ManifestEntry[]): string {
  const time = (ms: number) => new Date(Number(ms) + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);
  return entries
    .map((e) => `${String(e.seq).padStart(4)}  ${time(e.at)} (UTC+8)  ${e.actor ?? '系统'}${e.address ? `@${e.address}` : ''}  ${e.kind}${e.elementId ? ` ${e.elementId}` : ''}  ${e.data === null ? '' : JSON.stringify(e.data)}  #${e.hash}`)
    .join('\n') + '\n';
}
