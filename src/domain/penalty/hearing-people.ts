import type { ServiceRegistry } from '../../engine/services.ts';
import { usersByName } from '../../store/users.ts';
import type { ServiceContext } from '../../workflow/service-context.ts';

/**
 * `${services.hearingPeople}` sets hearingHostName and hearingClerkName as documents print them:
 * a user's display name with their enforcement certificate number, an external host's name with
 * their post. Documents never show a username.
 */
export function registerHearingPeopleService(registry: ServiceRegistry): void {
  registry.register('hearingPeople', async ({ variables, context }) => {
    const { tx } = context as ServiceContext;
    const names = [variables.hearingHost, variables.hearingClerk].filter((n): n is string => typeof n === 'string' && n !== '');
    const users = new Map((await usersByName(tx, names)).map((u) => [u.username, u]));
    const describe = (username: unknown) => {
      const u = typeof username === 'string' ? users.get(username) : undefined;
      if (!u) return null;
      return u.certificate_no ? `${u.display_name ?? u.username}（执法证号：${u.certificate_no}）` : (u.display_name ?? u.username);
    };
    const host = describe(variables.hearingHost) ?? `${String(variables.hearingHostExternal ?? '')}（${String(variables.hearingHostPost ?? '')}）`;
    return { hearingHostName: host, hearingClerkName: describe(variables.hearingClerk) };
  });
}
