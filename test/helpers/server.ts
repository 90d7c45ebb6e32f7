import path from 'node:path';
import { ManualClock } from '../../src/clock.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { ServiceRegistry } from '../../src/engine/services.ts';
import { createZhifa, type Zhifa } from '../../src/zhifa.ts';
import { testDatabase, type TestDatabase } from './database.ts';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface TestServer {
  zhifa: Zhifa;
  clock: ManualClock;
  base: string;
  db: TestDatabase;
  api: ApiClient;
  /** Stop the server but keep its database (to start another on it, as after a restart). */
  stop(): Promise<void>;
  close(): Promise<void>;
}

export interface StartOptions {
  label: string;
  db?: TestDatabase;
  processesDir?: string;
  clockStart?: Date;
  services?: ServiceRegistry;
  /** Environment of the server; a variable given as undefined is left out (e.g. to get the default passwords). */
  env?: Record<string, string | undefined>;
  /** Sign `api` in as admin with this password (default "admin"); null: leave `api` signed out. */
  adminPassword?: string | null;
}

/**
 * The suite signs in as admin/admin and the demo users with "demo": set explicitly, they are
 * passwords an operator chose, so no test has to change them first (the default ones are tested
 * by leaving these variables out: test/api/default-passwords.test.ts).
 */
export const TEST_PASSWORDS = { ZHIFA_ADMIN_PASSWORD: 'admin', ZHIFA_DEMO_PASSWORD: 'demo' };

export function testConfig(db: TestDatabase, processesDir: string, env: Record<string, string | undefined> = {}): Config {
  return {
    ...loadConfig({ NODE_ENV: 'test', ZHIFA_CLOCK: 'manual', ...TEST_PASSWORDS, ...env }, ROOT),
    database: db.database,
    processesDir,
  };
}

/** An in-process server on port 0, on its own database, with a manual clock. */
export async function startServer(options: StartOptions): Promise<TestServer> {
  const db = options.db ?? (await testDatabase(options.label));
  const clock = new ManualClock(options.clockStart ?? new Date('2026-03-02T01:00:00Z'));
  const zhifa = await createZhifa({
    config: testConfig(db, options.processesDir ?? path.join(FIXTURES, 'none'), options.env),
    clock,
    services: options.services,
    schema: db.schema,
    bcryptRounds: 4,
    log: () => {},
  });
  const { port } = await zhifa.listen(0);
  const base = `http://127.0.0.1:${port}`;
  const api = options.adminPassword === null ? new ApiClient(base) : await ApiClient.login(base, 'admin', options.adminPassword ?? 'admin');
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await zhifa.close();
  };
  return { zhifa, clock, base, db, api, stop, close: async () => { await stop(); await db.drop(); } };
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  contentType: string;
}

export class ApiClient {
  constructor(readonly base: string, readonly token?: string) {}

  static async login(base: string, username: string, password: string): Promise<ApiClient> {
    const res = await new ApiClient(base).post('/api/auth/login', { username, password });
    if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return new ApiClient(base, res.body.token);
  }

  as(token: string | undefined): ApiClient {
    return new ApiClient(this.base, token);
  }

  get<T = any>(p: string) {
    return this.request<T>('GET', p);
  }

  post<T = any>(p: string, body?: unknown, contentType = 'application/json') {
    return this.request<T>('POST', p, body, contentType);
  }

  async request<T>(method: string, p: string, body?: unknown, contentType = 'application/json'): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {};
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let payload: string | undefined;
    if (body !== undefined) {
      headers['content-type'] = contentType;
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const res = await fetch(this.base + p, { method, headers, body: payload });
    const type = res.headers.get('content-type') ?? '';
    const text = await res.text();
    const parsed = type.includes('json') && text ? JSON.parse(text) : text;
    return { status: res.status, body: parsed as T, contentType: type };
  }
}

/** A server running the real processes/ with the demo agency, its clock at Monday 2 March 2026, 09:00 Shanghai. */
export function startProcessServer(label: string): Promise<TestServer> {
  return startServer({ label, processesDir: path.join(ROOT, 'processes'), clockStart: new Date('2026-03-02T01:00:00Z') });
}
