import type { DbOrTx } from '../../../store/db.ts';
import { accessOf, listUsers } from '../../../store/users.ts';
import type { PersonOption } from './form-fields.ts';

/** Who a people picker may offer, with what narrows a picker down: groups and a valid enforcement certificate. */
export async function peopleOptions(db: DbOrTx, now: number): Promise<PersonOption[]> {
  const users = (await listUsers(db)).filter((u) => u.username !== 'admin');
  return Promise.all(
    users.map(async (u) => {
      const certified = !!u.certificate_no && (u.certificate_valid_until ?? 0) > now;
      const { groups } = await accessOf(db, u);
      return { username: u.username, groups, certified, label: `${u.display_name ?? u.username}${certified ? `（执法证 ${u.certificate_no}）` : ''}` };
    }),
  );
}
