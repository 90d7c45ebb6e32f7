import fs from 'node:fs';
import { SystemClock, type Clock } from '../clock.ts';
import { ConfigError, type Config } from '../config.ts';
import { EvidenceFiles } from '../evidence/file-store.ts';
import { createDb, migrate, type Db } from '../store/db.ts';
import { everyRecordedCase } from '../store/history.ts';
import { migrateAsOwner } from '../store/app-role.ts';
import { bindRecordKey } from '../store/record-context.ts';
import { writeCaseFile } from './case-file.ts';
import { checkpointRecords } from './checkpoint.ts';
import { signUnsignedRecords } from './sign-records.ts';
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
  const db = await openDb(config);
  try {
    return await verifyCases(db, new EvidenceFiles(config.evidenceDir, config.evidenceMaxBytes), args[0], out, err);
  } finally {
    await db.destroy();
  }
}

/** One case, or every case the database holds a trace of; the first problem of each bad case is printed. */
export async function verifyCases(db: Db, files: EvidenceFiles, caseId: string | undefined, out: Print, err: Print): Promise<number> {
  const cases: string[] = caseId ? [caseId] : await everyRecordedCase(db);
  let bad = 0;
  for (const id of cases) {
    const result = await verifyCase(db, files, id);
    if (result.ok) out(`case ${id}: ${result.entries} entries, ${result.files} files, ${result.documents} documents verified; head ${result.head}${result.notice ? `（${result.notice}）` : ''}`);
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
  const db = await openDb(config);
  try {
    const files = new EvidenceFiles(config.evidenceDir, config.evidenceMaxBytes);
    const manifest = await writeCaseFile(db, files, caseId, fs.createWriteStream(file), { now: clock.now(), by: 'cli' });
    out(`${file}: case ${caseId}, ${manifest.entries.length} entries, ${manifest.files.length} files${manifest.verifiedAtExport.ok ? '' : ` — the record did not verify: ${manifest.verifiedAtExport.problems[0]!.message}`}`);
    return manifest.verifiedAtExport.ok ? 0 : 1;
  } finally {
    await db.destroy();
  }
}

/** `zhifa checkpoint`: today's checkpoint now (the server writes it daily); `zhifa sign-records`: sign heads written before the key was set. */
export async function anchorCommand(config: Config, command: 'checkpoint' | 'sign-records', out: Print = console.log, err: Print = console.error, clock: Clock = new SystemClock()): Promise<number> {
  if (!config.recordKey) throw new ConfigError(`${command} needs ZHIFA_RECORD_KEY`);
  const db = await openDb(config);
  try {
    if (command === 'checkpoint') {
      const r = await checkpointRecords(db, clock.now());
      out(`checkpoint ${r.day}: ${r.written} cases`);
      for (const x of r.refused) err(`case ${x.caseId}: not signed: ${x.problem}`);
      return r.refused.length ? 1 : 0;
    }
    const r = await signUnsignedRecords(db);
    out(`signed the record heads of ${r.signed.length} cases`);
    for (const x of r.refused) err(`case ${x.caseId}: not signed: ${x.problem}`);
    return r.refused.length ? 1 : 0;
  } finally {
    await db.destroy();
  }
}

async function openDb(config: Config): Promise<Db> {
  const db = createDb(config.database);
  bindRecordKey(db, config.recordKey);
  if (config.databaseMigrate) await migrateAsOwner(config.databaseMigrate, db);
  else await migrate(db);
  return db;
}
