import net from 'node:net';
import { expect } from 'chai';
import { onPostgres, testDatabase, type TestDatabase } from '../helpers/database.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { webLogin, type WebSession } from '../helpers/web.ts';

/** A TCP proxy in front of PostgreSQL that the test can cut and restore: an outage without stopping the real database. */
class CuttableProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    if (this.server) return;
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {});
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

(onPostgres() ? describe : describe.skip)('API and pages: a database outage answers 503 with Retry-After, and the server recovers by itself (PostgreSQL)', () => {
  let s: TestServer;
  let db: TestDatabase;
  let proxy: CuttableProxy;
  let web: WebSession;

  before(async () => {
    db = await testDatabase('outage');
    const url = new URL((db.database as { connectionString: string }).connectionString);
    proxy = new CuttableProxy({ host: url.hostname, port: Number(url.port || 5432) });
    await proxy.open();
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    s = await startServer({ label: 'outage', db: { ...db, database: { client: 'pg', connectionString: url.toString() } } });
    web = await webLogin(s.base, 'admin', 'admin');
  });
  after(async () => {
    await proxy.open().catch(() => {});
    await s.close();
  });

  it('answers 503 with Retry-After and a detail that says the database is unreachable, and a notice page in Chinese; then works again', async () => {
    expect((await s.api.get('/api/tasks')).status).to.equal(200);
    await proxy.cut();

    const started = Date.now();
    const res = await fetch(`${s.base}/api/tasks`, { headers: { authorization: `Bearer ${s.api.token}` } });
    expect(res.status).to.equal(503);
    expect(res.headers.get('retry-after')).to.equal('5');
    expect(res.headers.get('content-type')).to.contain('application/problem+json');
    expect((await res.json()).detail).to.match(/^数据库暂时无法连接，本次操作没有执行.*the database is unreachable/);
    const start = await s.api.post('/api/instances', { processKey: 'anything' });
    expect(start.status).to.equal(503);

    const page = await fetch(`${s.base}/`, { headers: { cookie: web.cookie }, redirect: 'manual' });
    expect(page.status).to.equal(503);
    expect(page.headers.get('retry-after')).to.equal('5');
    expect(await page.text()).to.include('数据库暂时无法连接，刚才的操作没有执行');
    expect(Date.now() - started, 'answered at once, not after a pool timeout').to.be.below(15_000);

    await proxy.open();
    expect((await s.api.get('/api/tasks')).status).to.equal(200);
    expect((await fetch(`${s.base}/`, { headers: { cookie: web.cookie }, redirect: 'manual' })).status).to.equal(200);
  });
});
