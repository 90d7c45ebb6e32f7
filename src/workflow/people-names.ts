import type { DbOrTx } from '../store/db.ts';
import { listGroups, usersByName } from '../store/users.ts';

/** How pages name the people and groups a case mentions: display names, never usernames or group ids. */
export interface PeopleNames {
  person(username: string): string;
  group(id: string): string;
}

/** The names of `usernames` (and of every group), read once for a page. */
export async function peopleNames(db: DbOrTx, usernames: Iterable<string>): Promise<PeopleNames> {
  const wanted = [...new Set(usernames)].filter(Boolean);
  const people = new Map((wanted.length ? await usersByName(db, wanted) : []).map((u) => [u.username, u.display_name ?? u.username]));
  const groups = new Map((await listGroups(db)).map((g) => [g.id, g.name]));
  return {
    person: (u) => people.get(u) ?? u,
    group: (id) => groups.get(id) ?? id,
  };
}
