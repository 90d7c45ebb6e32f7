// The guard rails, not a style guide: promises that nobody awaits, and imports that break the
// layers (DESIGN.md). Type-aware, so it reads tsconfig.json through the TypeScript project service.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Packages that are storage, HTTP or mail: none of them below the store. */
const IO_PACKAGES = ['knex', 'pg', 'better-sqlite3', 'express', 'busboy', 'cookie', 'nodemailer', 'smtp-server', 'node:http', 'node:https', 'http', 'https'];

/**
 * A relative import that leaves a layer's folder may reach only the storage-free modules listed
 * (an allow-list, so a new folder above is refused without touching this file).
 */
function layer(folder, allowed, message, packages = IO_PACKAGES) {
  // One block per depth below the folder (a file two folders down leaves it with `../../../`).
  return [0, 1, 2].map((depth) => ({
    files: [`${folder}/${'*/'.repeat(depth)}*.ts`],
    rules: {
      'no-restricted-imports': ['error', {
        paths: packages.map((name) => ({ name, message })),
        patterns: [{ regex: `^(\\.\\./){${depth + 1}}(?!${allowed.join('|')})`, message }],
      }],
    },
  }));
}

const BELOW_STORE = ['clock\\.ts$', 'config\\.ts$', 'errors\\.ts$', 'calendar/', 'types/'];
const ENGINE = 'src/engine imports no storage, HTTP or mail (DESIGN.md, house style 1): it gets its services from a factory; allowed outside the engine: clock, config, errors, calendar, types.';
const CALENDAR = 'src/calendar imports no storage, HTTP or mail: it is pure reckoning; allowed outside the calendar: clock, config, errors, types.';
const STORE = 'src/store imports nothing above it: allowed outside the store are clock, config, errors, calendar, types and record/canonical.ts and record/anchor.ts (the hash of an entry and the keyed HMAC of a case head: pure functions).';
const STORE_ALLOWED = [...BELOW_STORE, 'record/canonical\\.ts$', 'record/anchor\\.ts$'];
const STORE_PACKAGES = ['express', 'busboy', 'cookie', 'nodemailer', 'smtp-server', 'node:http', 'node:https', 'http', 'https'];

const WEB = 'src/http/web pages call workflow and domain services (src/workflow, src/auth, src/evidence, src/notifications, src/domain), never src/store: a rule lives in one service the pages and the JSON API both call (DESIGN.md).';

export default defineConfig(
  { ignores: ['node_modules/**', 'data/**', '.tmp/**', 'docs/**', '*.js'] },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    // The code keeps a few directives for rules not in this set (eqeqeq in the expression language).
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: {
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: false }],
      // Express 5 awaits a handler's promise and passes its rejection to the error middleware,
      // so an async handler is fine where express's types say void; everywhere else a promise
      // in a void slot (an event listener, a timer, forEach) is a rejection nobody handles.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: true, attributes: true, properties: true, returns: true, variables: true, inheritedMethods: true } }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  layer('src/engine', BELOW_STORE, ENGINE),
  layer('src/calendar', BELOW_STORE.filter((m) => m !== 'calendar/'), CALENDAR),
  layer('src/store', STORE_ALLOWED, STORE, STORE_PACKAGES),
  {
    // Every module under src/http/web, at any depth; the core rule refuses `import type` too: a row
    // type is named by the service that hands the row out (e.g. src/workflow/case-reading.ts).
    files: ['src/http/web/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^(\\.\\./)+store/', message: WEB }] }] },
  },
  {
    // knex's builders are thenables, so every `.where((q) => q.where(…))` callback looks like a
    // promise in a void slot; knex ignores the callback's value. SQL stays in src/store, so the
    // check is relaxed there only, and only for arguments.
    files: ['src/store/**/*.ts'],
    rules: { '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: true, properties: true, returns: true, variables: true, inheritedMethods: true } }] },
  },
);
