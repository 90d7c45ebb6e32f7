import { ZhifaError } from '../errors.ts';
import { countAudioVideoOfTask } from '../store/evidence.ts';
import { instanceById } from '../store/instances.ts';
import { EVIDENCE_KINDS } from '../evidence/media-types.ts';
import type { AvRecordingMatter, PublicList } from './public-lists.ts';
import type { SubmissionCheck } from './submission-check.ts';

/**
 * The audio-video list (音像记录事项清单) as a rule: a step that a mandatory matter names cannot
 * complete until an audio-video file of the case has been uploaded for that very task. A form
 * field saying "recorded" is not a record; only a stored file counts. A step ended by a BPMN error
 * (not carried out as planned) was still done on site and is gated the same way.
 */
export function withAudioVideoGate(list: PublicList<AvRecordingMatter>, check: SubmissionCheck): SubmissionCheck {
  const gated = new Map<string, AvRecordingMatter>();
  for (const item of list.items) if (item.mandatory) for (const s of item.steps ?? []) gated.set(`${s.process}#${s.element}`, item);
  return async (tx, task, variables, username, how) => {
    if (gated.size) {
      const instance = await instanceById(tx, task.instance_id);
      const matter = instance && gated.get(`${instance.process_key}#${task.element_id}`);
      if (matter && (await countAudioVideoOfTask(tx, task.id, EVIDENCE_KINDS.audioVideo)) === 0) {
        const message = `「${matter.name}」须${matter.requirement}（${list.title}）：请先在本环节上传音像记录文件，再提交「${task.name ?? task.element_id}」`;
        throw new ZhifaError('unprocessable', `${message}；案件未推进`, { extra: { errors: [{ field: '', message }] } });
      }
    }
    return check(tx, task, variables, username, how);
  };
}
