import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { FIXTURES, type TestServer } from './server.ts';

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
