import fs from 'node:fs';
import busboy from 'busboy';
import { Router, type Request } from 'express';
import { addEvidence } from '../../evidence/evidence-service.ts';
import { badRequest, notFound, ZhifaError } from '../../errors.ts';
import { evidenceById } from '../../store/evidence.ts';
import { taskById } from '../../store/tasks.ts';
import { assertCaseAccess } from './access.ts';
import type { WebDeps } from './index.ts';
import { userOf } from './session.ts';

/**
 * Evidence uploaded from a task page (multipart, streamed to disk while it is hashed, never held
 * in memory) and downloaded from the case. The CSRF token comes in the query: checkCsrf reads
 * it before the body is parsed.
 */
export function evidencePages(deps: Pick<WebDeps, 'workflow' | 'clock' | 'evidenceFiles'>): Router {
  const db = deps.workflow.db;
  const r = Router();

  r.post('/tasks/:id/evidence', async (req, res) => {
    const user = userOf(req)!;
    const task = await taskById(db, req.params.id);
    if (!task) throw notFound('任务不存在');
    const instance = await assertCaseAccess(db, user, task.instance_id);
    try {
      const added = await receive(req, (fileName, stream, description) =>
        addEvidence(db, deps.evidenceFiles, deps.clock, { instance, task, fileName, description, stream, uploadedBy: user.username }),
      );
      res.redirect(303, `/tasks/${task.id}?evidence=${encodeURIComponent(added.label)}`);
    } catch (err) {
      if (err instanceof ZhifaError && err.status < 500) return res.redirect(303, `/tasks/${task.id}?evidenceError=${encodeURIComponent(err.detail)}`);
      throw err;
    }
  });

  r.get('/evidence/:id', async (req, res) => {
    const id = Number(req.params.id);
    const row = Number.isInteger(id) ? await evidenceById(db, id) : undefined;
    if (!row) throw notFound('证据不存在');
    await assertCaseAccess(db, userOf(req)!, row.case_id);
    res.type(row.media_type);
    res.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.file_name)}`);
    fs.createReadStream(deps.evidenceFiles.pathOf(row.sha256)).pipe(res);
  });
  return r;
}

/** One file and its description from a multipart form; the description field comes before the file in the form. */
function receive<T>(req: Request, onFile: (fileName: string, stream: NodeJS.ReadableStream & import('node:stream').Readable, description: string) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let description = '';
    let handled: Promise<T> | null = null;
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, limits: { files: 1, fields: 5, fieldSize: 10_000 } });
    } catch {
      return reject(badRequest('上传须为 multipart/form-data 表单'));
    }
    bb.on('field', (name, value) => {
      if (name === 'description') description = value;
    });
    bb.on('file', (_name, stream, info) => {
      const fileName = Buffer.from(info.filename ?? '', 'latin1').toString('utf8');
      handled = onFile(fileName, stream, description);
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
