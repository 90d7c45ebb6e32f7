import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_LIMITS, type EngineLimits } from './engine/diagram-checks.ts';

/** Where the notifications' templates, policy and organisation are, and how they are sent (src/notifications). */
export interface NotificationsConfig {
  templatesDir: string;
  policyFile: string;
  organisationFile: string;
  /** How links in notifications begin, e.g. https://zhifa.example.gov.cn */
  baseUrl: string;
  smtpUrl: string | null;
  mailFrom: string;
  webhookUrl: string | null;
  webhookSecret: string | null;
}

/** The only reader of process.env: validated once into a typed config. */
export interface Config {
  env: 'production' | 'development' | 'test';
  port: number;
  database: DatabaseConfig;
  /**
   * The database owner's connection (PostgreSQL): migrations run through it and then grant the
   * role of `database` what the server needs, so the server itself owns nothing. Null: one role does both.
   */
  databaseMigrate: DatabaseConfig | null;
  /** Key of the record's HMAC anchors (ZHIFA_RECORD_KEY); kept out of the database. Null: not anchored. */
  recordKey: string | null;
  /** When the daily checkpoint of every case's record head is written (Asia/Shanghai). */
  checkpointCron: string;
  clock: 'system' | 'manual';
  adminPassword: string;
  adminPasswordDefaulted: boolean;
  processesDir: string;
  calendarsDir: string;
  formsDir: string;
  reviewCatalogFile: string;
  /** The discretion benchmark (rules/discretion/): its index.json and one directory per version. */
  discretionDir: string;
  /** Case variables only their owning step or service may write (rules/protected-variables.json). */
  protectedVariablesFile: string;
  documentsDir: string;
  /** Password of the demo agency's users, seeded on a fresh non-production database. */
  demoPassword: string;
  /** ZHIFA_DEMO_PASSWORD was not set: the demo users must change the built-in one at their first sign-in. */
  demoPasswordDefaulted: boolean;
  schedulerCron: string;
  bodyLimit: string;
  tokenTtlHours: number;
  /** Where evidence files are kept, by content hash. */
  evidenceDir: string;
  evidenceMaxBytes: number;
  /** The most bytes a command's process variables may take as JSON. */
  variablesMaxBytes: number;
  engine: {
    /** SHA-256 (hex) of the script texts an administrator trusts, from ZHIFA_TRUSTED_SCRIPTS. */
    trustedScripts: string[];
    limits: EngineLimits;
  };
  notifications: NotificationsConfig & {
    /** When the managers' digest goes out (Asia/Shanghai), on working days only. */
    digestCron: string;
  };
}

export type DatabaseConfig = { client: 'sqlite'; filename: string } | { client: 'pg'; connectionString: string };

export class ConfigError extends Error {}

export function parseDatabaseUrl(url: string | undefined, root: string): DatabaseConfig {
  if (!url) return { client: 'sqlite', filename: path.join(root, 'data', 'zhifa.sqlite') };
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return { client: 'pg', connectionString: url };
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!file) throw new ConfigError('DATABASE_URL=sqlite: needs a file path, e.g. sqlite:/var/lib/zhifa/zhifa.sqlite');
    return { client: 'sqlite', filename: file === ':memory:' ? file : path.resolve(root, file) };
  }
  throw new ConfigError(`DATABASE_URL must start with postgres://, postgresql:// or sqlite: (got "${url}")`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): Config {
  const nodeEnv = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const clock = env.ZHIFA_CLOCK ?? 'system';
  if (clock !== 'system' && clock !== 'manual') throw new ConfigError(`ZHIFA_CLOCK must be "system" or "manual" (got "${clock}")`);
  if (clock === 'manual' && nodeEnv === 'production') {
    throw new ConfigError('ZHIFA_CLOCK=manual is refused when NODE_ENV=production: a movable clock would falsify statutory deadlines');
  }
  if (nodeEnv === 'production' && !env.ZHIFA_ADMIN_PASSWORD) {
    throw new ConfigError('ZHIFA_ADMIN_PASSWORD must be set when NODE_ENV=production');
  }
  const recordKey = env.ZHIFA_RECORD_KEY || null;
  if (nodeEnv === 'production' && !recordKey) {
    throw new ConfigError('ZHIFA_RECORD_KEY must be set when NODE_ENV=production: without it a re-chained or truncated record cannot be told from the real one');
  }
  if (recordKey && recordKey.length < 32) throw new ConfigError('ZHIFA_RECORD_KEY must be at least 32 characters (e.g. `openssl rand -hex 32`)');
  const databaseMigrate = env.DATABASE_MIGRATE_URL ? parseDatabaseUrl(env.DATABASE_MIGRATE_URL, root) : null;
  if (databaseMigrate && (databaseMigrate.client !== 'pg' || !env.DATABASE_URL?.startsWith('postgres'))) throw new ConfigError('DATABASE_MIGRATE_URL and DATABASE_URL must both be postgres:// URLs: roles exist only on PostgreSQL');
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number (got "${env.PORT}")`);
  const ttl = Number(env.ZHIFA_TOKEN_TTL_HOURS ?? 12);
  if (env.ZHIFA_WEBHOOK_URL && !env.ZHIFA_WEBHOOK_SECRET) throw new ConfigError('ZHIFA_WEBHOOK_SECRET must be set with ZHIFA_WEBHOOK_URL: webhooks are signed with it');
  if (env.SMTP_URL && !/^smtps?:\/\//.test(env.SMTP_URL)) throw new ConfigError(`SMTP_URL must start with smtp:// or smtps:// (got "${env.SMTP_URL}")`);
  const evidenceMaxMb = Number(env.ZHIFA_EVIDENCE_MAX_MB ?? 500);
  if (!(evidenceMaxMb > 0)) throw new ConfigError(`ZHIFA_EVIDENCE_MAX_MB must be a positive number (got "${env.ZHIFA_EVIDENCE_MAX_MB}")`);
  const variablesMaxKb = Number(env.ZHIFA_VARIABLES_MAX_KB ?? 256);
  if (!(variablesMaxKb > 0)) throw new ConfigError(`ZHIFA_VARIABLES_MAX_KB must be a positive number (got "${env.ZHIFA_VARIABLES_MAX_KB}")`);
  if (!(ttl > 0)) throw new ConfigError(`ZHIFA_TOKEN_TTL_HOURS must be a positive number (got "${env.ZHIFA_TOKEN_TTL_HOURS}")`);
  const engine = {
    trustedScripts: readTrustedScripts(path.resolve(root, env.ZHIFA_TRUSTED_SCRIPTS ?? 'rules/trusted-scripts.json'), env.ZHIFA_TRUSTED_SCRIPTS !== undefined),
    limits: {
      maxNesting: positiveInteger(env, 'ZHIFA_MAX_NESTING', DEFAULT_LIMITS.maxNesting),
      maxFlowElements: positiveInteger(env, 'ZHIFA_MAX_FLOW_ELEMENTS', DEFAULT_LIMITS.maxFlowElements),
      maxStepsPerCommand: positiveInteger(env, 'ZHIFA_MAX_STEPS_PER_COMMAND', DEFAULT_LIMITS.maxStepsPerCommand),
      scriptTimeoutMs: positiveInteger(env, 'ZHIFA_SCRIPT_TIMEOUT_MS', DEFAULT_LIMITS.scriptTimeoutMs),
      scriptMemoryMb: positiveInteger(env, 'ZHIFA_SCRIPT_MEMORY_MB', DEFAULT_LIMITS.scriptMemoryMb),
    },
  };
  return {
    env: nodeEnv,
    engine,
    port,
    database: parseDatabaseUrl(env.DATABASE_URL, root),
    databaseMigrate,
    recordKey,
    checkpointCron: env.ZHIFA_CHECKPOINT_CRON ?? '20 0 * * *',
    clock,
    adminPassword: env.ZHIFA_ADMIN_PASSWORD ?? 'admin',
    adminPasswordDefaulted: !env.ZHIFA_ADMIN_PASSWORD,
    processesDir: path.resolve(root, env.ZHIFA_PROCESSES_DIR ?? 'processes'),
    calendarsDir: path.resolve(root, env.ZHIFA_CALENDARS_DIR ?? 'calendars'),
    formsDir: path.resolve(root, env.ZHIFA_FORMS_DIR ?? 'forms'),
    documentsDir: path.resolve(root, env.ZHIFA_DOCUMENTS_DIR ?? 'documents'),
    discretionDir: path.resolve(root, env.ZHIFA_DISCRETION_DIR ?? 'rules/discretion'),
    reviewCatalogFile: path.resolve(root, env.ZHIFA_REVIEW_CATALOG ?? 'rules/legal-review-catalog.json'),
    protectedVariablesFile: path.resolve(root, env.ZHIFA_PROTECTED_VARIABLES ?? 'rules/protected-variables.json'),
    demoPassword: env.ZHIFA_DEMO_PASSWORD ?? 'demo',
    demoPasswordDefaulted: !env.ZHIFA_DEMO_PASSWORD,
    schedulerCron: env.ZHIFA_SCHEDULER_CRON ?? '*/5 * * * * *',
    bodyLimit: env.ZHIFA_BODY_LIMIT ?? '2mb',
    tokenTtlHours: ttl,
    evidenceDir: path.resolve(root, env.ZHIFA_EVIDENCE_DIR ?? 'data/evidence'),
    evidenceMaxBytes: Math.round(evidenceMaxMb * 1024 * 1024),
    variablesMaxBytes: Math.round(variablesMaxKb * 1024),
    notifications: {
      templatesDir: path.resolve(root, env.ZHIFA_NOTIFICATIONS_DIR ?? 'notifications'),
      policyFile: path.resolve(root, env.ZHIFA_REMINDER_POLICY ?? 'rules/reminder-policy.json'),
      organisationFile: path.resolve(root, env.ZHIFA_ORGANISATION ?? 'rules/organisation.json'),
      baseUrl: env.ZHIFA_BASE_URL ?? `http://localhost:${port}`,
      smtpUrl: env.SMTP_URL || null,
      mailFrom: env.ZHIFA_MAIL_FROM ?? '执法 Zhifa <zhifa@localhost>',
      webhookUrl: env.ZHIFA_WEBHOOK_URL || null,
      webhookSecret: env.ZHIFA_WEBHOOK_SECRET || null,
      digestCron: env.ZHIFA_DIGEST_CRON ?? '0 8 * * *',
    },
  };
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new ConfigError(`${name} must be a positive whole number (got "${raw}")`);
  return n;
}

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * The scripts an administrator trusts, by the SHA-256 of their text: a file on the server, never
 * editable from the web. Absent (the default path) means none; a file that cannot be read as
 * such a list stops the server, since a silently ignored list would be a policy nobody applies.
 */
export function readTrustedScripts(file: string, named: boolean): string[] {
  if (!fs.existsSync(file)) {
    if (named) throw new ConfigError(`ZHIFA_TRUSTED_SCRIPTS names ${file}, which does not exist`);
    return [];
  }
  const text = fs.readFileSync(file, 'utf8');
  if (!text.trim()) return [];
  let entries: unknown;
  try {
    entries = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`the trusted scripts file ${file} is not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!Array.isArray(entries)) throw new ConfigError(`the trusted scripts file ${file} must be a JSON array of {"sha256": "…", "note": "…"}`);
  return entries.map((entry, i) => {
    const hash = typeof entry === 'string' ? entry : (entry as { sha256?: unknown } | null)?.sha256;
    if (typeof hash !== 'string' || !SHA256.test(hash.toLowerCase())) {
      throw new ConfigError(`the trusted scripts file ${file}, entry ${i + 1}: "sha256" must be 64 hexadecimal digits`);
    }
    return hash.toLowerCase();
  });
}
