import bcrypt from 'bcryptjs';
import type { Knex } from 'knex';

// A password nobody chose (admin's "admin" when ZHIFA_ADMIN_PASSWORD was not set) must be changed
// at the first sign-in; a password handed out at first start (that one, and the demo agency's shared
// one) is shown to administrators until changed. Each is a fact of the account, not of the password.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.boolean('must_change_password').notNullable().defaultTo(false);
    t.boolean('seeded_password').notNullable().defaultTo(false);
  });
  // Accounts made before this migration that still have the built-in passwords.
  const builtIn: Record<string, string> = { admin: 'admin', officer1: 'demo', officer2: 'demo', reviewer1: 'demo', legal1: 'demo', head1: 'demo', manager1: 'demo' };
  const users: Array<{ id: number; username: string; password_hash: string }> = await knex('users').whereIn('username', Object.keys(builtIn)).select('id', 'username', 'password_hash');
  for (const u of users) {
    if (!(await bcrypt.compare(builtIn[u.username]!, u.password_hash))) continue;
    await knex('users').where({ id: u.id }).update({ must_change_password: true, seeded_password: true });
    await knex('auth_tokens').where({ user_id: u.id }).delete(); // a session signed in with it ends too
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.dropColumn('must_change_password');
    t.dropColumn('seeded_password');
  });
}
