import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import { ZhifaError } from '../errors.ts';

export interface StoredFile {
  sha256: string;
  size: number;
}

/**
 * Evidence bytes on disk, named by their SHA-256 (`ab/abcdef…`): the same file uploaded twice is
 * stored once, and a name that matches its content cannot be quietly altered. Files are written
 * to a temporary name and moved into place only once complete and within the size limit.
 */
export class EvidenceFiles {
  constructor(readonly dir: string, readonly maxBytes: number) {}

  async store(stream: Readable): Promise<StoredFile> {
    const tmpDir = path.join(this.dir, 'tmp');
    fs.mkdirSync(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, randomUUID());
    const hash = createHash('sha256');
    let size = 0;
    const max = this.maxBytes;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > max) return done(new ZhifaError('tooLarge', `文件超过大小限制（${Math.round(max / 1024 / 1024)} MB），未保存`));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    // Opened synchronously, so a failed upload never leaves a file created after it was removed.
    const fd = fs.openSync(tmp, 'wx');
    try {
      await pipeline(stream, meter, fs.createWriteStream('', { fd }));
    } catch (err) {
      fs.rmSync(tmp, { force: true });
      stream.resume(); // drain the rest of the upload so the answer can be sent
      throw err;
    }
    if (size === 0) {
      fs.rmSync(tmp, { force: true });
      throw new ZhifaError('unprocessable', '文件为空，未保存');
    }
    const sha256 = hash.digest('hex');
    const final = this.pathOf(sha256);
    fs.mkdirSync(path.dirname(final), { recursive: true });
    if (fs.existsSync(final)) fs.rmSync(tmp);
    else fs.renameSync(tmp, final);
    fs.chmodSync(final, 0o444);
    return { sha256, size };
  }

  /** The SHA-256 and size of the stored bytes as they are now on disk, null when the file is gone. */
  async hashOf(sha256: string): Promise<StoredFile | null> {
    const file = this.pathOf(sha256);
    if (!fs.existsSync(file)) return null;
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of fs.createReadStream(file)) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
    return { sha256: hash.digest('hex'), size };
  }

  pathOf(sha256: string): string {
    return path.join(this.dir, sha256.slice(0, 2), sha256);
  }
}
