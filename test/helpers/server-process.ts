import { spawn, type ChildProcess } from 'node:child_process';
import type { TestDatabase } from './database.ts';
import { ROOT } from './server.ts';

export interface ServerProcess {
  proc: ChildProcess;
  base: string;
  /** Everything the process wrote, stdout and stderr. */
  output(): string;
  stop(): Promise<void>;
}

/** DATABASE_URL for a child process working in the test file's database (its schema on PostgreSQL). */
export function databaseUrlOf(db: TestDatabase): string {
  if (db.database.client === 'sqlite') return `sqlite:${db.database.filename}`;
  const url = new URL(db.database.connectionString);
  url.searchParams.set('options', `-c search_path=${db.schema}`);
  return url.toString();
}

/**
 * `zhifa serve` as a real process on port 0, as an operator starts it. Resolves when it listens;
 * rejects with its output when it exits first.
 */
export function spawnServer(db: TestDatabase, env: Record<string, string> = {}): Promise<ServerProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrlOf(db), PORT: '0', NODE_ENV: 'test', ZHIFA_SCHEDULER_CRON: '0 0 1 1 *', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const onData = (c: Buffer) => {
      out += c.toString();
      const m = /listening on http:\/\/localhost:(\d+)/.exec(out);
      if (m) resolve({ proc, base: `http://127.0.0.1:${m[1]}`, output: () => out, stop });
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (c: Buffer) => { out += c.toString(); });
    proc.once('exit', (code) => reject(new Error(`server process exited with ${code}:\n${out}`)));
  });
}
