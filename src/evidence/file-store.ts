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

/** An upload written to a temporary file, not yet kept. */
export interface ReceivedFile extends StoredFile {
  tmp: string;
}

/**
 * Evidence bytes on disk, named by their SHA-256 (`ab/abcdef…`): the same file uploaded twice is
 * stored once, and a name that matches its content cannot be quietly altered. Files are written
 * to a temporary name and moved into place only once complete and within the size limit.
 */
export class EvidenceFiles {
  constructor(readonly dir: string, readonly maxBytes: number) {}

  /**
   * Writes an upload to a temporary file while hashing and metering it. Over the size limit it
   * stops at once (the caller answers 413 without reading the rest); on any failure the
   * temporary file is gone before this rejects.
   */
  async receive(stream: Readable): Promise<ReceivedFile> {
    const tmpDir = path.join(this.dir, 'tmp');
    fs.mkdirSync(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, randomUUID());
    const hash = createHash('sha256');
    let size = 0;
    const max = this.maxBytes;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > max) return done(new ZhifaError('tooLarge', `文件超过大小限制（${Math.round((max / 1024 / 1024) * 100) / 100} MB），未保存`));
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
      throw err;
    }
    if (size === 0) {
      fs.rmSync(tmp, { force: true });
      throw new ZhifaError('unprocessable', '文件为空，未保存');
    }
    return { sha256: hash.digest('hex'), size, tmp };
  }

  /** Moves a received file into its place by content hash (a copy already there is kept). */
  keep(file: ReceivedFile): StoredFile {
    const final = this.pathOf(file.sha256);
    fs.mkdirSync(path.dirname(final), { recursive: true });
    if (fs.existsSync(final)) fs.rmSync(file.tmp);
    else fs.renameSync(file.tmp, final);
    fs.chmodSync(final, 0o444);
    return { sha256: file.sha256, size: file.size };
  }

  /** Removes a received file that is not kept. */
  discard(file: ReceivedFile): void {
    fs.rmSync(file.tmp, { force: true });
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
