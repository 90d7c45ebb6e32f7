import path from 'node:path';
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
  /** Case variables only their owning step or service may write (rules/protected-variables.json). */
  protectedVariablesFile: string;
  documentsDir: string;
  /** Password of the demo agency's users, seeded on a fresh non-production database. */
  demoPassword: string;
  schedulerCron: string;
  bodyLimit: string;
  tokenTtlHours: number;
  /** Where evidence files are kept, by content hash. */
  evidenceDir: string;
  evidenceMaxBytes: number;
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
  return {
    env: nodeEnv,
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
    protectedVariablesFile: path.resolve(root, env.ZHIFA_PROTECTED_VARIABLES ?? 'rules/protected-variables.json'),
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
