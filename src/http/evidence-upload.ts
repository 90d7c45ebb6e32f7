import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { Request, Response } from 'express';
import type { Clock } from '../clock.ts';
import { assertTakesEvidence, evidenceLabel } from '../evidence/case-evidence.ts';
import { addEvidence, annotationFrom, checkUpload, type AddedEvidence, type EvidenceUpload } from '../evidence/evidence-service.ts';
import type { EvidenceFiles, ReceivedFile } from '../evidence/file-store.ts';
import type { Db } from '../store/db.ts';
import { badRequest, notFound, ZhifaError } from '../errors.ts';
import type { EvidenceRow } from '../store/evidence.ts';

export interface Upload {
  fileName: string;
  file: ReceivedFile;
  fields: Record<string, string>;
}

// Room for the text fields and the multipart framing around the one file.
const FORM_OVERHEAD = 256 * 1024;
const FIELD_BYTES = 64 * 1024;

/**
 * A whole form posted with its file (a task form's plain-form upload, no JavaScript): every text
 * field as sent, in order and repeated names kept, gathered even when the upload is refused, so
 * what was typed can be kept. Up to `maxFields` fields (the upload form alone sends a handful).
 */
export interface FormSeen {
  pairs: [string, string][];
  maxFields: number;
}

/**
 * One file and its text fields from a multipart form, the file written to a temporary file as it
 * arrives (never held in memory). `accept` judges the name and the fields (which come before the
 * file) as soon as the file starts. Whatever is refused leaves no file behind. A body over the
 * size limit is answered at once: reading stops and the connection is closed after the answer,
 * so a client sending on for minutes is told 413 straight away rather than left hanging.
 */
export function receiveUpload(req: Request, res: Response, files: EvidenceFiles, accept: (fileName: string, fields: Record<string, string>) => void, seen?: FormSeen): Promise<Upload> {
  return new Promise<Upload>((resolve, reject) => {
    const fields: Record<string, string> = {};
    const limit = files.maxBytes + FORM_OVERHEAD;
    let receiving: Promise<ReceivedFile> | null = null;
    let upload: Omit<Upload, 'file' | 'fields'> | null = null;
    let failure: unknown = null;
    let settled = false;

    const stopReading = () => {
      req.unpipe(bb);
      req.resume(); // the socket is closed once the answer is sent (Connection: close)
      res.set('Connection', 'close');
    };
    /** Settles with `err` once any file being written is gone; `now` answers before the body has ended. */
    const fail = (err: unknown, now: boolean) => {
      failure ??= err;
      if (!now || settled) return;
      settled = true;
      stopReading();
      const pending = receiving;
      if (!pending) return reject(failure);
      pending.then((f) => files.discard(f), () => {}).finally(() => reject(failure));
    };

    // Told by its length, a body too large is refused unread, unless the form around the file is
    // wanted: its fields come before the file, so they are read before the limit stops the reading.
    if (!seen && Number(req.headers['content-length'] ?? 0) > limit) {
      res.set('Connection', 'close');
      req.resume();
      return reject(tooLarge(files.maxBytes));
    }
    let bb: busboy.Busboy;
    try {
      // Read as latin1 (byte for byte) and decoded below, so bytes that are not UTF-8 are refused, not turned into U+FFFD.
      bb = busboy({ headers: req.headers, defCharset: 'latin1', defParamCharset: 'latin1', limits: { files: 2, fields: seen?.maxFields ?? 10, parts: (seen?.maxFields ?? 10) + 10, fieldSize: FIELD_BYTES } });
    } catch {
      return reject(badRequest('上传须为 multipart/form-data 表单'));
    }
    let total = 0;
    req.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) fail(tooLarge(files.maxBytes), true);
    });
    req.on('aborted', () => fail(badRequest('上传在完成前中断，未保存'), true));
    bb.on('field', (name, value, info) => {
      if (info.valueTruncated) return fail(new ZhifaError('unprocessable', `表单字段「${name}」过长（上限 ${FIELD_BYTES / 1024} KB），未保存`), false);
      const text = utf8Of(value);
      if (text === null) return fail(new ZhifaError('unprocessable', `表单字段「${name}」含有无效的 Unicode 字符（不是 UTF-8 文本），未保存`), false);
      fields[name] = text;
      seen?.pairs.push([name, text]);
    });
    bb.on('file', (_name, stream, info) => {
      if (upload || failure) {
        stream.resume();
        if (upload) fail(new ZhifaError('unprocessable', '每次只能上传一个文件：请逐个上传，未保存'), false);
        return;
      }
      const fileName = utf8Of(info.filename ?? '');
      if (fileName === null) {
        stream.resume();
        return fail(new ZhifaError('unprocessable', '文件名含有无效的 Unicode 字符（不是 UTF-8 文本），未保存'), false);
      }
      try {
        accept(fileName, { ...fields });
      } catch (err) {
        stream.resume();
        return fail(err, false);
      }
      upload = { fileName };
      receiving = files.receive(stream);
      receiving.catch((err: unknown) => {
        stream.resume();
        fail(err, err instanceof ZhifaError && err.status === 413);
      });
    });
    bb.on('close', () => {
      if (settled) return;
      const pending = receiving;
      const finish = async () => {
        const file = pending ? await pending.catch(() => null) : null;
        if (failure) {
          if (file) files.discard(file);
          throw failure;
        }
        if (!upload || !file) throw new ZhifaError('unprocessable', '没有选择文件');
        return { ...upload, file, fields: { ...fields } };
      };
      settled = true;
      finish().then(resolve, reject);
    });
    bb.on('error', (err: unknown) => {
      fail(badRequest(`上传的表单数据不完整或格式有误（${err instanceof Error ? err.message : String(err)}），未保存`), true);
    });
    req.pipe(bb);
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
/** A latin1-read string as the UTF-8 text its bytes are, or null when they are not UTF-8. */
function utf8Of(latin1: string): string | null {
  if (/[^\x00-\xff]/.test(latin1)) return latin1; // already decoded by its declared charset (filename*=UTF-8''…)
  try {
    return utf8.decode(Buffer.from(latin1, 'latin1'));
  } catch {
    return null;
  }
}

const tooLarge = (max: number) => new ZhifaError('tooLarge', `文件超过大小限制（${Math.round((max / 1024 / 1024) * 100) / 100} MB），未保存`);

/**
 * One evidence file as a download. A file gone from the store is a 404 naming it (verification
 * says more); the stream is opened before the answer starts, so its error cannot go unhandled.
 */
export async function sendEvidenceFile(res: Response, files: EvidenceFiles, row: EvidenceRow): Promise<void> {
  const stream = fs.createReadStream(files.pathOf(row.sha256));
  try {
    await new Promise<void>((resolve, reject) => stream.once('open', () => resolve()).once('error', reject));
  } catch {
    throw notFound(`证据文件「${evidenceLabel(row)}」（${row.file_name}）已不在存储中`);
  }
  res.type(row.media_type);
  res.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.file_name)}`);
  await pipeline(stream, res).catch(() => res.destroy());
}

/**
 * An evidence upload for a task, from the API or a task page alike: received, checked, kept and
 * recorded, or refused leaving nothing. Posted with a whole task form (`within`), the upload's own
 * fields carry the prefix (so they cannot be taken for the form's) and the form's are gathered.
 */
export async function receiveEvidence(
  req: Request,
  res: Response,
  deps: { db: Db; files: EvidenceFiles; clock: Clock },
  target: Pick<EvidenceUpload, 'instance' | 'task' | 'uploadedBy' | 'address'>,
  within?: FormSeen & { prefix: string },
): Promise<AddedEvidence> {
  if (target.task) assertTakesEvidence(target.task);
  const annotation = (fields: Record<string, string>) => annotationFrom(within ? unprefixed(fields, within.prefix) : fields);
  const u = await receiveUpload(req, res, deps.files, (fileName, fields) => checkUpload(fileName, annotation(fields)), within);
  return addEvidence(deps.db, deps.files, deps.clock, { ...target, fileName: u.fileName, file: u.file, ...annotation(u.fields) });
}

const unprefixed = (fields: Record<string, string>, prefix: string) =>
  Object.fromEntries(Object.entries(fields).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));
