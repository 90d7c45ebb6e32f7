import type { ManualClock } from '../src/clock.ts';
import type { Zhifa } from '../src/zhifa.ts';
import { sqliteDatabase } from './database.ts';
import { PAGE_TASKS } from './settings.ts';
import { openZhifa, startWaiting } from './zhifa.ts';

export interface PageResult {
  tasks: number;
  /** Median of 20 requests, after 5 unmeasured ones. */
  taskListMs: number;
  casePageMs: number;
}

/**
 * How fast the staff pages answer with many open tasks: PAGE_TASKS instances waiting at a task
 * offered to a group of one user, who opens the task list and one case page over real HTTP.
 */
export async function pageTimes(): Promise<PageResult> {
  const db = sqliteDatabase();
  let zhifa: Zhifa | undefined;
  try {
    zhifa = await openZhifa(db.database);
    (zhifa.clock as ManualClock).set(new Date('2026-03-02T01:00:00Z'));
    await zhifa.accounts.create({ username: 'rev', password: 'rev-password', groups: [{ id: 'reviewers', name: 'Reviewers' }], roles: ['staff'] });
    for (let i = 0; i < PAGE_TASKS; i++) await startWaiting(zhifa);
    const { port } = await zhifa.listen(0);
    const base = `http://127.0.0.1:${port}`;
    const cookie = await signIn(base, 'rev', 'rev-password');
    const caseId = ((await zhifa.db('instances').first('id')) as { id: string }).id;
    return { tasks: PAGE_TASKS, taskListMs: await median(base, '/', cookie), casePageMs: await median(base, `/cases/${caseId}`, cookie) };
  } finally {
    await zhifa?.close();
    await db.drop();
  }
}

async function signIn(base: string, username: string, password: string): Promise<string> {
  const form = await fetch(`${base}/login`);
  const loginCookie = form.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('zhifa_login='))!;
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: loginCookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: loginCookie.slice('zhifa_login='.length), username, password }),
  });
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('zhifa_session='));
  if (!session) throw new Error(`sign-in as ${username} failed: ${res.status}`);
  return session;
}

async function median(base: string, path: string, cookie: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 25; i++) {
    const t = performance.now();
    const res = await fetch(base + path, { headers: { cookie } });
    await res.text();
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    if (i >= 5) times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
