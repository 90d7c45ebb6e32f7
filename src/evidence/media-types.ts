import { fileTypeFromFile } from 'file-type';

// ISO base media files (MP4, QuickTime, M4A) share one container; a phone's .mov is often branded mp4.
const ISO_MEDIA = ['mp4', 'm4v', 'mov', 'm4a', 'm4b', 'm4p', '3gp', '3g2', 'f4v'];

/**
 * What may be uploaded as evidence, by file extension, and what its content must be found to be
 * (the `ext` that file-type reads from the bytes); anything else is refused before it is kept.
 */
export const ALLOWED_EVIDENCE: Record<string, { mediaType: string; audioVideo: boolean; content: string[] }> = {
  mp4: { mediaType: 'video/mp4', audioVideo: true, content: ISO_MEDIA },
  mov: { mediaType: 'video/quicktime', audioVideo: true, content: ISO_MEDIA },
  avi: { mediaType: 'video/x-msvideo', audioVideo: true, content: ['avi'] },
  mp3: { mediaType: 'audio/mpeg', audioVideo: true, content: ['mp3', 'mp2', 'mp1'] },
  wav: { mediaType: 'audio/wav', audioVideo: true, content: ['wav'] },
  m4a: { mediaType: 'audio/mp4', audioVideo: true, content: ISO_MEDIA },
  jpg: { mediaType: 'image/jpeg', audioVideo: false, content: ['jpg'] },
  jpeg: { mediaType: 'image/jpeg', audioVideo: false, content: ['jpg'] },
  png: { mediaType: 'image/png', audioVideo: false, content: ['png', 'apng'] },
  pdf: { mediaType: 'application/pdf', audioVideo: false, content: ['pdf'] },
};

export const EVIDENCE_KINDS = { audioVideo: '音像记录', other: '书证物证' } as const;

export type EvidenceType = (typeof ALLOWED_EVIDENCE)[string];

export function evidenceTypeOf(fileName: string): EvidenceType | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  return ALLOWED_EVIDENCE[ext] ?? null;
}

/**
 * Why a file's content is not what its name says (a page named `.jpg` would be served to a browser
 * as an image it then sniffs as HTML), in words that name what was found; null when it matches.
 */
export async function contentMismatch(file: string, fileName: string, type: EvidenceType): Promise<string | null> {
  const found = await fileTypeFromFile(file);
  if (found && type.content.includes(found.ext)) return null;
  const what = found ? `${found.mime}（.${found.ext}）` : '无法识别的类型（可能是文本、HTML 或脚本）';
  return `文件「${fileName}」的内容是 ${what}，与扩展名不符（应为 ${type.mediaType}），未保存`;
}
