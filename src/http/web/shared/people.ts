import { UserDirectory } from '../../../auth/user-directory.ts';
import type { PersonOption } from './form-fields.ts';

/** Who a people picker may offer, with what narrows a picker down: groups and a valid enforcement certificate. */
export async function peopleOptions(db: ConstructorParameters<typeof UserDirectory>[0], now: number): Promise<PersonOption[]> {
  return (await new UserDirectory(db).people(now)).map((u) => ({
    username: u.username,
    groups: u.groups,
    certified: u.certificateValid,
    label: `${u.displayName ?? u.username}${u.certificateValid ? `（执法证 ${u.certificateNo}）` : ''}`,
  }));
}
