import type { DbOrTx } from '../store/db.ts';
import { usersByName } from '../store/users.ts';
import type { FieldError } from './form-messages.ts';

/** `x-zhifa.personNotIn`: a person named in a field may not be one of the people a case variable names (处罚法 art. 64(4); 许可法 art. 48(3): the permit hearing's host is not who reviewed the application). */
export interface PersonNotIn {
  field: string;
  notIn: string[];
}

const ROLE: Record<string, string> = { investigators: '调查人员', handledBy: '承办人', caseReviewer: '案件审查人员', permitReviewer: '许可申请审查人员', inspectors: '现场核查人员' };
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined || v === null || v === '' ? [] : [String(v)]);

/** A case that lacks what a step needs (the notice without its legal basis, 处罚法 art. 44). */
export function missingCaseVariables(names: string[], caseVars: Record<string, unknown>, titles: Record<string, string>): FieldError[] {
  return names
    .filter((n) => list(caseVars[n]).length === 0)
    .map((n) => ({ field: '', message: `本案尚未记录「${titles[n] ?? n}」（由案件审查环节填写），不能办理本环节` }));
}

export function personNotInProblems(rules: PersonNotIn[], submitted: Record<string, unknown>, caseVars: Record<string, unknown>, titleOf: (f: string) => string, displayName: (u: string) => string): FieldError[] {
  const errors: FieldError[] = [];
  for (const rule of rules) {
    for (const person of list(submitted[rule.field])) {
      const role = rule.notIn.find((name) => list(caseVars[name]).includes(person));
      if (role) errors.push({ field: rule.field, message: `「${titleOf(rule.field)}」不得由本案的${ROLE[role] ?? role}（${displayName(person)}）担任` });
    }
  }
  return errors;
}

/** `x-zhifa.knownUsers`: fields that name a user of the system (a host chosen from the users). */
export async function unknownUsers(db: DbOrTx, fields: string[], submitted: Record<string, unknown>, titleOf: (f: string) => string): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  for (const field of fields) {
    const names = list(submitted[field]);
    if (!names.length) continue;
    const known = new Set((await usersByName(db, names)).map((u) => u.username));
    for (const n of names) if (!known.has(n)) errors.push({ field, message: `「${titleOf(field)}」中的 ${n} 不是本系统用户：请从用户中选择，外部主持人填写姓名和职务` });
  }
  return errors;
}

/** Display names of users, for messages and documents (never a username in a document). */
export async function displayNames(db: DbOrTx, names: string[]): Promise<Map<string, string>> {
  return new Map((await usersByName(db, names)).map((u) => [u.username, u.display_name ?? u.username]));
}
