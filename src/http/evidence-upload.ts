import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { Request, Response } from 'express';
import type { EvidenceFiles } from '../evidence/file-store.ts';
import { badRequest, notFound, ZhifaError } from '../errors.ts';
import type { EvidenceRow } from '../store/evidence.ts';

/**
 * One file and its text fields from a multipart form, the file streamed on as it arrives (never
 * held in memory). The fields must come before the file in the form.
 */
export function receiveUpload<T>(req: Request, onFile: (fileName: string, stream: Readable, fields: Record<string, string>) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const fields: Record<string, string> = {};
    let handled: Promise<T> | null = null;
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, limits: { files: 1, fields: 10, fieldSize: 10_000 } });
    } catch {
      return reject(badRequest('上传须为 multipart/form-data 表单'));
    }
    bb.on('field', (name, value) => {
      fields[name] = value;
    });
    bb.on('file', (_name, stream, info) => {
      const fileName = Buffer.from(info.filename ?? '', 'latin1').toString('utf8');
      handled = onFile(fileName, stream, { ...fields });
      handled.catch(() => stream.resume());
    });
    bb.on('close', () => {
      if (!handled) return reject(new ZhifaError('unprocessable', '没有选择文件'));
      handled.then(resolve, reject);
    });
    bb.on('error', reject);
    req.pipe(bb);
  });
}

/**
 * One evidence file as a download. A file gone from the store is a 404 naming it (verification
 * says more); the stream is opened before the answer starts, so its error cannot go unhandled.
 */
export async function sendEvidenceFile(res: Response, files: EvidenceFiles, row: EvidenceRow): Promise<void> {
  const stream = fs.createReadStream(files.pathOf(row.sha256));
  try {
    await new Promise<void>((resolve, reject) => stream.once('open', () => resolve()).once('error', reject));
  } catch {
    throw notFound(`证据文件「${row.kind} No. ${row.seq}」（${row.file_name}）已不在存储中`);
  }
  res.type(row.media_type);
  res.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.file_name)}`);
  await pipeline(stream, res).catch(() => res.destroy());
}
