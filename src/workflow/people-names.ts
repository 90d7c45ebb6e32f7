import type { DbOrTx } from '../store/db.ts';
import { listGroups, usersByName } from '../store/users.ts';

/**
 * How pages name people and groups: a user by their display name (陈局长, not head1), a group by
 * its name (承办人员, not officers), the server's own actors (startup deployment, timers) as 系统.
 * One rule for the case page, the task lists and the dashboard.
 */
export interface PeopleNames {
  person(username: string | null | undefined): string;
  group(id: string): string;
}

const SYSTEM = /^(system|scheduler)(:|$)/;

export async function peopleNames(db: DbOrTx, usernames: Iterable<string | null | undefined>): Promise<PeopleNames> {
  const wanted = [...new Set([...usernames].filter((u): u is string => !!u && !SYSTEM.test(u)))];
  const [users, groups] = await Promise.all([wanted.length ? usersByName(db, wanted) : Promise.resolve([]), listGroups(db)]);
  const people = new Map(users.map((u) => [u.username, u.display_name || u.username]));
  const groupNames = new Map(groups.map((g) => [g.id, g.name]));
  return {
    person: (username) => (!username ? '' : SYSTEM.test(username) ? '系统' : (people.get(username) ?? username)),
    group: (id) => groupNames.get(id) ?? id,
  };
}
