import type { DbOrTx } from '../../store/db.ts';
import { listUsers } from '../../store/users.ts';
import type { PersonOption } from './form-fields.ts';

/** Who a people picker offers; certified officers are marked, since only they may be named where the law asks for two officers. */
export async function peopleOptions(db: DbOrTx, now: number): Promise<PersonOption[]> {
  const users = await listUsers(db);
  return users
    .filter((u) => u.username !== 'admin')
    .map((u) => {
      const certified = !!u.certificate_no && (u.certificate_valid_until ?? 0) > now;
      return { username: u.username, label: `${u.display_name ?? u.username}（${u.username}${certified ? ` · 执法证 ${u.certificate_no}` : ''}）` };
    });
}
