import type { Readable } from 'node:stream';
import busboy from 'busboy';
import type { Request } from 'express';
import { badRequest, ZhifaError } from '../errors.ts';

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
