import type { SupervisionScope } from '../store/supervision.ts';

/** Whose figures a supervisor sees: an administrator every department, a manager their own; a manager without a department nothing (null). */
export function scopeOf(user: { roles: string[]; department?: string | null }): SupervisionScope | null {
  if (user.roles.includes('admin')) return {};
  return user.department ? { department: user.department } : null;
}
