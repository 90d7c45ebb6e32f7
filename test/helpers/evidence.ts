import { expect } from 'chai';
import { openTask } from './fixtures.ts';
import type { ApiClient, ApiResponse, TestServer } from './server.ts';

/**
 * Bytes whose content is what their name says (the server checks evidence by content): a minimal
 * header of the format followed by `text`, so tests can still tell one file from another.
 */
export const media = {
  mp4: (text: string) => Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2'), Buffer.from(text)]),
  mp3: (text: string) => Buffer.concat([Buffer.from('ID3'), Buffer.from([3, 0, 0, 0, 0, 0, 0]), Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(60), Buffer.from(text)]),
  jpg: (text: string) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(text)]),
};

export interface TestAnnotation {
  description?: string;
  place?: string;
  speakers?: string;
  summary?: string;
}

const SITE_RECORDING: TestAnnotation = {
  description: '执法记录仪全程录像：出示证件、告知理由和权利、清点扣押物品',
  place: '某化工有限公司厂区东侧排污口',
  speakers: '张执法、李执法；当事人法定代表人',
  summary: '执法人员告知扣押理由和依据，当事人称水泵系临时使用，清点水泵 2 台并当场交付决定书和清单',
};

/** Upload one file for a task through POST /api/tasks/:id/evidence (multipart), as `who`; the raw answer. */
export async function uploadEvidence(who: ApiClient, taskId: string, fileName: string, bytes: Buffer, annotation: TestAnnotation = SITE_RECORDING): Promise<ApiResponse> {
  const form = new FormData();
  for (const [k, v] of Object.entries(annotation)) if (v !== undefined) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
  const res = await fetch(`${who.base}/api/tasks/${taskId}/evidence`, { method: 'POST', body: form, headers: who.token ? { authorization: `Bearer ${who.token}` } : {} });
  const text = await res.text();
  return { status: res.status, body: text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text, contentType: res.headers.get('content-type') ?? '' };
}

/** The audio-video record of the open task `elementId`, uploaded as `who` (the on-site seizure cannot complete without one). */
export async function uploadRecording(s: TestServer, who: ApiClient, instanceId: string, elementId: string, bytes = media.mp4(`recording of ${elementId} in ${instanceId}`)) {
  const task = await openTask(s, instanceId, elementId);
  const res = await uploadEvidence(who, task.id, `${elementId}.mp4`, bytes);
  expect(res.status, JSON.stringify(res.body)).to.equal(201);
  return res.body as { id: number; label: string; sha256: string; size: number };
}
