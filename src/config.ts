import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_LIMITS, type EngineLimits } from './engine/diagram-checks.ts';
import type { NotificationsConfig } from './notifications/notifications.ts';

/** The only reader of process.env: validated once into a typed config. */
export interface Config {
  env: 'production' | 'development' | 'test';
  port: number;
  database: DatabaseConfig;
  clock: 'system' | 'manual';
  adminPassword: string;
  adminPasswordDefaulted: boolean;
  processesDir: string;
  calendarsDir: string;
  formsDir: string;
  reviewCatalogFile: string;
  documentsDir: string;
  /** Password of the demo agency's users, seeded on a fresh non-production database. */
  demoPassword: string;
  schedulerCron: string;
  bodyLimit: string;
  tokenTtlHours: number;
  /** Where evidence files are kept, by content hash. */
  evidenceDir: string;
  evidenceMaxBytes: number;
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
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number (got "${env.PORT}")`);
  const ttl = Number(env.ZHIFA_TOKEN_TTL_HOURS ?? 12);
  if (env.ZHIFA_WEBHOOK_URL && !env.ZHIFA_WEBHOOK_SECRET) throw new ConfigError('ZHIFA_WEBHOOK_SECRET must be set with ZHIFA_WEBHOOK_URL: webhooks are signed with it');
  if (env.SMTP_URL && !/^smtps?:\/\//.test(env.SMTP_URL)) throw new ConfigError(`SMTP_URL must start with smtp:// or smtps:// (got "${env.SMTP_URL}")`);
  const evidenceMaxMb = Number(env.ZHIFA_EVIDENCE_MAX_MB ?? 500);
  if (!(evidenceMaxMb > 0)) throw new ConfigError(`ZHIFA_EVIDENCE_MAX_MB must be a positive number (got "${env.ZHIFA_EVIDENCE_MAX_MB}")`);
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
    clock,
    adminPassword: env.ZHIFA_ADMIN_PASSWORD ?? 'admin',
    adminPasswordDefaulted: !env.ZHIFA_ADMIN_PASSWORD,
    processesDir: path.resolve(root, env.ZHIFA_PROCESSES_DIR ?? 'processes'),
    calendarsDir: path.resolve(root, env.ZHIFA_CALENDARS_DIR ?? 'calendars'),
    formsDir: path.resolve(root, env.ZHIFA_FORMS_DIR ?? 'forms'),
    documentsDir: path.resolve(root, env.ZHIFA_DOCUMENTS_DIR ?? 'documents'),
    reviewCatalogFile: path.resolve(root, env.ZHIFA_REVIEW_CATALOG ?? 'rules/legal-review-catalog.json'),
    demoPassword: env.ZHIFA_DEMO_PASSWORD ?? 'demo',
    schedulerCron: env.ZHIFA_SCHEDULER_CRON ?? '*/5 * * * * *',
    bodyLimit: env.ZHIFA_BODY_LIMIT ?? '2mb',
    tokenTtlHours: ttl,
    evidenceDir: path.resolve(root, env.ZHIFA_EVIDENCE_DIR ?? 'data/evidence'),
    evidenceMaxBytes: Math.round(evidenceMaxMb * 1024 * 1024),
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
