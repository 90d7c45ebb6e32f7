import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { ESLint } from 'eslint';
import { ROOT } from '../../helpers/server.ts';

/**
 * The lint rules (eslint.config.js) are the guard rails `npm run lint` holds: each is shown to
 * fire on a small violation. The snippet is linted as the text of a real file of the folder
 * (type-aware linting knows only the project's files); nothing is written to disk.
 */
function fileIn(folder: string): string {
  const name = fs.readdirSync(path.join(ROOT, folder)).filter((f) => f.endsWith('.ts')).sort()[0];
  expect(name, `a .ts file in ${folder}`).to.be.a('string');
  return `${folder}/${name}`;
}

describe('lint: the guard rails', function () {
  this.timeout(120_000); // the first lint builds the TypeScript program of the whole project
  const eslint = new ESLint({ cwd: ROOT });

  async function lint(folder: string, code: string): Promise<Array<{ line: number; rule: string | null; message: string }>> {
    const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, fileIn(folder)) });
    return result!.messages.map((m) => ({ line: m.line, rule: m.ruleId, message: m.message }));
  }

  it('refuses storage, HTTP and mail in src/engine, and lets it use the clock and the calendar', async () => {
    const found = await lint('src/engine', [
      "import { createDb } from '../store/db.ts';",
      "import knex from 'knex';",
      "import express from 'express';",
      "import nodemailer from 'nodemailer';",
      "import type { Workflow } from '../workflow/workflow.ts';",
      "import { now } from '../clock.ts';",
      "import { addPeriod } from '../calendar/index.ts';",
      'export const used = [createDb, knex, express, nodemailer, now, addPeriod] as unknown as Workflow;',
    ].join('\n'));
    expect(found.map((f) => [f.line, f.rule])).to.deep.equal([1, 2, 3, 4, 5].map((line) => [line, 'no-restricted-imports']));
    for (const f of found) expect(f.message).to.contain('src/engine imports no storage, HTTP or mail');
  });

  it('refuses storage and anything above it in src/calendar', async () => {
    const found = await lint('src/calendar', "import pg from 'pg';\nimport { x } from '../notifications/digest.ts';\nimport { y } from './dates.ts';\nexport const used = [pg, x, y];\n");
    expect(found.map((f) => [f.line, f.rule])).to.deep.equal([[1, 'no-restricted-imports'], [2, 'no-restricted-imports']]);
    expect(found[0]!.message).to.contain('src/calendar imports no storage, HTTP or mail');
  });

  it('refuses in src/store (and its migrations) an import from above it, and allows the entry hash', async () => {
    const store = await lint('src/store', [
      "import { entryHash } from '../record/canonical.ts';",
      "import { verifyCase } from '../record/verify-case.ts';",
      "import { createApp } from '../http/app.ts';",
      "import type { Workflow } from '../workflow/workflow.ts';",
      "import type { DatabaseConfig } from '../config.ts';",
      'export const used = [entryHash, verifyCase, createApp] as unknown as [Workflow, DatabaseConfig];',
    ].join('\n'));
    expect(store.map((f) => [f.line, f.rule])).to.deep.equal([2, 3, 4].map((line) => [line, 'no-restricted-imports']));
    expect(store[0]!.message).to.contain('src/store imports nothing above it');

    const migration = await lint('src/store/migrations', "import { entryHash } from '../../record/canonical.ts';\nimport { toJson } from '../json.ts';\nimport { x } from '../../engine/runner.ts';\nexport const used = [entryHash, toJson, x];\n");
    expect(migration.map((f) => [f.line, f.rule])).to.deep.equal([[3, 'no-restricted-imports']]);
  });

  it('refuses a promise nobody awaits, even behind `void`, and an async listener where a void one is expected', async () => {
    const found = await lint('src/workflow', [
      'async function work(): Promise<void> {}',
      'export function fireAndForget(): void {',
      '  work();',
      '  void work();',
      "  process.once('SIGTERM', async () => { await work(); });",
      "  void work().catch((err: unknown) => console.error('logged', err));",
      '}',
    ].join('\n'));
    expect(found.map((f) => [f.line, f.rule])).to.deep.equal([
      [3, '@typescript-eslint/no-floating-promises'],
      [4, '@typescript-eslint/no-floating-promises'],
      [5, '@typescript-eslint/no-misused-promises'],
    ]);
  });

  it('refuses src/store in the web pages already moved onto services, type imports included, and lets them use the services', async () => {
    const found = await lint('src/http/web/admin', [
      "import { listDefinitions } from '../../../store/definitions.ts';",
      "import type { UserRow } from '../../../store/users.ts';",
      "import { UserDirectory } from '../../../auth/user-directory.ts';",
      "import type { Workflow } from '../../../workflow/workflow.ts';",
      'export const used = [listDefinitions, UserDirectory] as unknown as [UserRow, Workflow];',
    ].join('\n'));
    expect(found.map((f) => [f.line, f.rule])).to.deep.equal([[1, 'no-restricted-imports'], [2, 'no-restricted-imports']]);
    expect(found[0]!.message).to.contain('never src/store');
    const index = await lint('src/http/web', "import { unreadCount } from '../../store/inbox.ts';\nexport const used = unreadCount;\n");
    expect(index.map((f) => f.rule)).to.deep.equal(['no-restricted-imports']);
  });

  it('lets an express handler return a promise (express 5 passes its rejection to the error middleware)', async () => {
    const found = await lint('src/http', "import express from 'express';\nexport const app = express();\napp.get('/x', async (_req, res) => { res.json(await Promise.resolve(1)); });\n");
    expect(found).to.deep.equal([]);
  });
});
