import type { DbOrTx } from '../store/db.ts';
import { certificateValid } from './certificate.ts';
import { usersByName } from '../store/users.ts';
import type { FieldError } from './form-messages.ts';

/**
 * Penalty Law Arts. 42 and 55: investigation and on-site acts by at least two officers holding a
 * valid enforcement certificate. The form names them; this checks who they are.
 */
export async function checkCertifiedOfficers(db: DbOrTx, field: string, title: string, value: unknown, now: number): Promise<FieldError[]> {
  if (value === undefined) return [];
  const names = Array.isArray(value) ? value.map(String) : [String(value)];
  const errors: FieldError[] = [];
  if (new Set(names).size !== names.length) errors.push({ field, message: `「${title}」不能是同一人` });
  const users = new Map((await usersByName(db, names)).map((u) => [u.username, u]));
  for (const name of new Set(names)) {
    const u = users.get(name);
    if (!u) errors.push({ field, message: `「${title}」中的 ${name} 不是本系统用户` });
    else if (!certificateValid(u, now)) {
      errors.push({ field, message: `「${title}」中的 ${u.display_name ?? name} 没有有效的执法证` });
    }
  }
  return errors;
}
