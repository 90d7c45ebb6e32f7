/**
 * Cases not published at all: a minor, state secrets, trade secrets, privacy (and whatever else
 * the officer states). Read from the case variables `publicationExcluded` (boolean) and
 * `publicationExclusionReason`, or `partyIsMinor`.
 */
export function exclusionOf(variables: Record<string, unknown>): { excluded: false } | { excluded: true; reason: string } {
  if (variables.partyIsMinor === true) return { excluded: true, reason: '涉及未成年人' };
  if (variables.publicationExcluded === true) {
    const reason = typeof variables.publicationExclusionReason === 'string' && variables.publicationExclusionReason.trim() ? variables.publicationExclusionReason.trim() : '依法不予公开';
    return { excluded: true, reason };
  }
  return { excluded: false };
}
