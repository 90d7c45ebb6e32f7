/**
 * Cases not published at all: a minor, state secrets, trade secrets, privacy (and whatever else
 * the officer states). Read from the case variables `publicationExcluded` (boolean) and
 * `publicationExclusionReason`, or `partyIsMinor`.
 */
export const EXCLUSION_REASONS = ['涉及未成年人', '涉及国家秘密', '涉及商业秘密', '涉及个人隐私', '其他依法不予公开的情形'] as const;

export function exclusionOf(variables: Record<string, unknown>): { excluded: false } | { excluded: true; reason: string } {
  if (variables.partyIsMinor === true) return { excluded: true, reason: '涉及未成年人' };
  if (variables.publicationExcluded === true) {
    const reason = typeof variables.publicationExclusionReason === 'string' && variables.publicationExclusionReason.trim() ? variables.publicationExclusionReason.trim() : '依法不予公开';
    return { excluded: true, reason };
  }
  return { excluded: false };
}
