import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { FIXTURES, type ApiClient, type TestServer } from './server.ts';

export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

export async function deploy(s: TestServer, ...names: string[]): Promise<void> {
  for (const name of names) {
    const res = await s.api.post('/api/definitions', fixture(name), 'application/xml');
    expect(res.status, `deploy ${name}: ${JSON.stringify(res.body)}`).to.be.oneOf([200, 201]);
  }
}

export async function startInstance(s: TestServer, processKey: string, variables: Record<string, unknown> = {}, businessKey?: string): Promise<string> {
  const res = await s.api.post('/api/instances', { processKey, variables, businessKey });
  expect(res.status, JSON.stringify(res.body)).to.equal(201);
  return res.body.id;
}

export async function view(s: TestServer, id: string) {
  const res = await s.api.get(`/api/instances/${id}`);
  expect(res.status, JSON.stringify(res.body)).to.equal(200);
  return res.body;
}

export async function openTask(s: TestServer, instanceId: string, elementId: string) {
  const v = await view(s, instanceId);
  const task = v.tasks.find((t: { elementId: string }) => t.elementId === elementId);
  expect(task, `open task ${elementId} in ${instanceId}; open: ${v.tasks.map((t: { elementId: string }) => t.elementId)}`).to.exist;
  return task;
}

/** Submit the form of the open task `elementId` of an instance, as `who`; the raw answer. */
export async function submitTask(s: TestServer, who: ApiClient, instanceId: string, elementId: string, variables: Record<string, unknown>) {
  const task = await openTask(s, instanceId, elementId);
  return who.post(`/api/tasks/${task.id}/complete`, { variables });
}

/** Complete the open task `elementId`, expecting success. */
export async function completeTask(s: TestServer, who: ApiClient, instanceId: string, elementId: string, variables: Record<string, unknown>): Promise<void> {
  const res = await submitTask(s, who, instanceId, elementId, variables);
  expect(res.status, `${elementId}: ${JSON.stringify(res.body)}`).to.equal(204);
}

/**
 * Seeds a case of a procedure staff never start by hand (a called publication or legal review,
 * which has no start form, so staff may start it with no data): the administrator starts it with
 * the caller's variables, then the case is put down to `username`, so it belongs to their department.
 */
export async function startForDepartmentOf(s: TestServer, username: string, processKey: string, variables: Record<string, unknown>, businessKey?: string): Promise<string> {
  const id = await startInstance(s, processKey, variables, businessKey);
  const changed = await s.zhifa.db('instances').where({ root_id: id }).update({ started_by: username });
  expect(changed, `the case ${id} and its called instances`).to.be.greaterThan(0);
  return id;
}

/** The timers that fired in one case, by element id, read from its record: other cases of the same file, on the same clock, do not count. */
export async function firedIn(s: TestServer, id: string): Promise<string[]> {
  return (await view(s, id)).history.filter((h: { kind: string }) => h.kind === 'timer.fired').map((h: { elementId: string }) => h.elementId);
}

/** The timers of this case that fired while `move` ran (a clock change). */
export async function firedDuring(s: TestServer, id: string, move: () => Promise<unknown>): Promise<string[]> {
  const before = (await firedIn(s, id)).length;
  await move();
  return (await firedIn(s, id)).slice(before);
}
