import fs from 'node:fs';
import { SystemClock, type Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import { EvidenceFiles } from '../evidence/file-store.ts';
import { createDb, migrate, type Db } from '../store/db.ts';
import { writeCaseFile } from './case-file.ts';
import { verifyArchive } from './verify-archive.ts';
import { verifyCase } from './verify-case.ts';

type Print = (line: string) => void;

/**
 * `zhifa verify [case]`, `zhifa verify --archive <file>`, `zhifa export <case> <file>`. Verification
 * prints the first entry or file that does not match and answers 1; all good answers 0.
 */
export async function verifyCommand(config: Config, args: string[], out: Print = console.log, err: Print = console.error): Promise<number> {
  if (args[0] === '--archive') {
    if (!args[1]) throw new Error('verify --archive needs the case file to check');
    const result = await verifyArchive(fs.createReadStream(args[1]));
    if (!result.ok) {
      err(`${args[1]}: ${result.problems[0]!.message}${result.problems.length > 1 ? `（另有 ${result.problems.length - 1} 处问题）` : ''}`);
      return 1;
    }
    out(`${args[1]}: case ${result.caseId}, ${result.entries} entries, ${result.files} files verified; head ${result.head}`);
    return 0;
  }
  const db = createDb(config.database);
  try {
    await migrate(db);
    return await verifyCases(db, new EvidenceFiles(config.evidenceDir, config.evidenceMaxBytes), args[0], out, err);
  } finally {
    await db.destroy();
  }
}

/** One case, or every case; the first problem of each bad case is printed. */
export async function verifyCases(db: Db, files: EvidenceFiles, caseId: string | undefined, out: Print, err: Print): Promise<number> {
  const cases: string[] = caseId ? [caseId] : (await db('instances').whereNull('parent_id').orderBy('started_at').select('id')).map((r: { id: string }) => r.id);
  let bad = 0;
  for (const id of cases) {
    const result = await verifyCase(db, files, id);
    if (result.ok) out(`case ${id}: ${result.entries} entries, ${result.files} files, ${result.documents} documents verified; head ${result.head}`);
    else {
      bad++;
      err(`case ${id}: ${result.problems[0]!.message}${result.problems.length > 1 ? `（另有 ${result.problems.length - 1} 处问题）` : ''}`);
    }
  }
  return bad ? 1 : 0;
}

export async function exportCommand(config: Config, args: string[], out: Print = console.log, clock: Clock = new SystemClock()): Promise<number> {
  const [caseId, file] = args;
  if (!caseId || !file) throw new Error('export needs a case id and the file to write, e.g. zhifa export <case> case.tar');
  const db = createDb(config.database);
  try {
    await migrate(db);
    const files = new EvidenceFiles(config.evidenceDir, config.evidenceMaxBytes);
    const manifest = await writeCaseFile(db, files, caseId, fs.createWriteStream(file), { now: clock.now(), by: 'cli' });
    out(`${file}: case ${caseId}, ${manifest.entries.length} entries, ${manifest.files.length} files${manifest.verifiedAtExport.ok ? '' : ` — the record did not verify: ${manifest.verifiedAtExport.problems[0]!.message}`}`);
    return manifest.verifiedAtExport.ok ? 0 : 1;
  } finally {
    await db.destroy();
  }
}
