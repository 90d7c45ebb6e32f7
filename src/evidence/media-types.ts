/** What may be uploaded as evidence, by file extension; anything else is refused before a byte is stored. */
export const ALLOWED_EVIDENCE: Record<string, { mediaType: string; audioVideo: boolean }> = {
  mp4: { mediaType: 'video/mp4', audioVideo: true },
  mov: { mediaType: 'video/quicktime', audioVideo: true },
  avi: { mediaType: 'video/x-msvideo', audioVideo: true },
  mp3: { mediaType: 'audio/mpeg', audioVideo: true },
  wav: { mediaType: 'audio/wav', audioVideo: true },
  m4a: { mediaType: 'audio/mp4', audioVideo: true },
  jpg: { mediaType: 'image/jpeg', audioVideo: false },
  jpeg: { mediaType: 'image/jpeg', audioVideo: false },
  png: { mediaType: 'image/png', audioVideo: false },
  pdf: { mediaType: 'application/pdf', audioVideo: false },
};

export const EVIDENCE_KINDS = { audioVideo: '音像记录', other: '书证物证' } as const;

export function evidenceTypeOf(fileName: string) {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  return ALLOWED_EVIDENCE[ext] ?? null;
}
