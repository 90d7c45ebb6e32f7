import { expect } from 'chai';
import { Accounts } from '../../../src/auth/accounts.ts';
import { UserAdmin } from '../../../src/auth/user-admin.ts';
import { UserDirectory } from '../../../src/auth/user-directory.ts';
import { ManualClock } from '../../../src/clock.ts';
import { ZhifaError } from '../../../src/errors.ts';
import { createDb, migrate, type Db } from '../../../src/store/db.ts';
import { testDatabase, type TestDatabase } from '../../helpers/database.ts';

/** Who the pages see, and the administrators' changes that are recorded with who made them. */
describe('Unit: the user directory and administrators creating accounts and renewing certificates', () => {
  let tdb: TestDatabase;
  let db: Db;
  let accounts: Accounts;
  let users: UserDirectory;
  let userAdmin: UserAdmin;
  const clock = new ManualClock(new Date('2026-03-02T01:00:00Z'));
  const now = () => clock.now().getTime();
  const refusal = (p: Promise<unknown>) => p.then(() => undefined, (err: unknown) => err as ZhifaError);

  before(async () => {
    tdb = await testDatabase('user-directory');
    db = createDb(tdb.database, { schema: tdb.schema });
    await migrate(db);
    accounts = new Accounts(db, clock, 3_600_000, 4);
    users = new UserDirectory(db);
    userAdmin = new UserAdmin(db, clock, (p) => accounts.hashPassword(p));
    await accounts.create({ username: 'admin', password: 'admin-password', roles: ['admin'] });
    await accounts.create({ username: 'officer1', password: 'officer-password', displayName: '张执法', groups: [{ id: 'officers', name: '承办人员' }], roles: ['staff'], certificate: { no: '43000000001', validUntil: new Date('2030-12-31T16:00:00Z') } });
    await accounts.create({ username: 'expired', password: 'expired-password', groups: [{ id: 'officers', name: '承办人员' }], roles: ['staff'], certificate: { no: '43000000002', validUntil: new Date('2026-01-31T16:00:00Z') } });
    await accounts.create({ username: 'inspector', password: 'inspector-password', displayName: '稽查员', groups: [{ id: 'inspectors', name: '稽查组' }], roles: ['staff'] });
  });
  after(async () => {
    await db.destroy();
    await tdb.drop();
  });

  it('offers pickers the active people other than the built-in administrator, each with groups and whether their certificate is valid', async () => {
    await userAdmin.deactivate('admin', 'inspector');
    const people = await users.people(now());
    expect(people.map((p) => [p.username, p.groups, p.certificateValid])).to.deep.equal([['expired', ['officers'], false], ['officer1', ['officers'], true]]);
    expect((await users.accounts(now())).map((a) => [a.username, a.active]), 'the administrators see everyone').to.deep.include.members([['inspector', false], ['admin', true]]);
    await userAdmin.reactivate('admin', 'inspector');
  });

  it('knows the groups diagrams name even before anyone is in them, and any other group in use, by name', async () => {
    const groups = await users.groups();
    expect(groups).to.deep.include.members([{ id: 'heads', name: '负责人' }, { id: 'officers', name: '承办人员' }, { id: 'inspectors', name: '稽查组' }]);
  });

  it('names people by their display name, and someone without one (or unknown) by their username', async () => {
    const names = await users.displayNames(['officer1', 'expired', 'ghost', 'officer1']);
    expect([...names]).to.deep.equal([['officer1', '张执法'], ['expired', 'expired'], ['ghost', 'ghost']]);
  });

  it('creates an account with its record in user_changes, and refuses a username already taken on its field, creating nothing', async () => {
    await accounts.createBy('admin', { username: 'officer3', password: 'long enough', roles: ['staff'] });
    expect((await users.changes(1, 'officer3')).map((c) => [c.kind, c.changed_by, c.detail])).to.deep.equal([['created', 'admin', '新建用户，角色：staff']]);
    const taken = await refusal(accounts.createBy('admin', { username: 'officer3', password: 'another one', roles: ['admin'] }));
    expect(taken).to.include({ status: 422, detail: '用户名「officer3」已存在' });
    expect(taken!.extra).to.deep.equal({ field: 'username' });
    expect((await users.account('officer3', now()))!.roles).to.deep.equal(['staff']);
    expect(await users.changes(10, 'officer3')).to.have.length(1);
  });

  it('renews a certificate through its last day, on the record; an unknown account is 404 and nothing is recorded', async () => {
    const lastDay = await userAdmin.renewCertificate('admin', 'expired', { no: '43000000012', validUntil: new Date('2031-04-30T16:00:00Z') });
    expect(lastDay).to.equal('2031-04-30');
    const renewed = (await users.account('expired', now()))!;
    expect([renewed.certificateNo, renewed.certificateValid]).to.deep.equal(['43000000012', true]);
    expect((await users.changes(1, 'expired'))[0]).to.include({ kind: 'certificate', changed_by: 'admin', detail: '执法证 43000000012，有效期至 2031-04-30' });
    expect(await refusal(userAdmin.renewCertificate('admin', 'ghost', { no: '1234', validUntil: new Date('2031-01-01T16:00:00Z') }))).to.include({ status: 404 });
    expect(await users.changes(10, 'ghost')).to.deep.equal([]);
  });
});
