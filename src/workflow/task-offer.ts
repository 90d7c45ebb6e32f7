/**
 * Whether a task offered to candidate groups is offered to this user: one of its groups must be
 * theirs, and a department's own group (officers, case reviewers) acts only on that department's
 * cases; a group serving the whole agency (legal review, leadership) acts on every case. A case
 * opened by someone without a department belongs to no department and is open to every member.
 */
export function offeredTo(taskGroups: string[], caseDepartment: string | null, user: { groups: string[]; department?: string | null }, agencyWide: Set<string>): boolean {
  return taskGroups.some((g) => user.groups.includes(g) && (agencyWide.has(g) || caseDepartment === null || caseDepartment === (user.department ?? null)));
}
