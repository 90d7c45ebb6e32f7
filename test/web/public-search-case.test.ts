import { expect } from 'chai';
import { startInstance } from '../helpers/fixtures.ts';
import { startProcessServer, type TestServer } from '../helpers/server.ts';
import { insertPublication } from '../../src/store/publications.ts';

/** The public search by party finds a Latin name whatever its case, on SQLite (whose LIKE ignores case) and PostgreSQL (whose LIKE does not) alike. */
describe('Web: the public search by party ignores the case of Latin letters on both databases', () => {
  let s: TestServer;

  before(async () => {
    s = await startProcessServer('web-public-case');
    const caseId = await startInstance(s, 'penalty', { party: '案卷', partyType: '法人及非法人组织', lead: '测试', leadDiscoveredOn: '2026-03-02', partyAddress: '湖南省吉首市经济开发区1号', legalRepresentative: '李四' });
    const now = s.clock.now().getTime();
    await insertPublication(s.zhifa.db, {
      case_id: caseId, instance_id: caseId, idempotency_key: 'seed-acme', kind: 'permit', party_name: 'ACME 湘西贸易有限公司', decision_no: '湘西环许〔2026〕7号',
      fields: { 行政相对人名称: 'ACME 湘西贸易有限公司', 行政许可决定文书号: '湘西环许〔2026〕7号', 许可类别: '普通', 许可决定日期: '2026-02-02' },
      serious: false, decision_date: Date.parse('2026-02-02T00:00:00+08:00'), published_at: now, publish_until: now + 365 * 86_400_000, published_by: 'officer1',
    });
  });
  after(() => s.close());

  for (const party of ['acme', 'Acme 湘西', 'ACME']) {
    it(`finds "ACME 湘西贸易有限公司" searching for "${party}"`, async () => {
      const res = await fetch(`${s.base}/public?party=${encodeURIComponent(party)}`);
      expect(res.status).to.equal(200);
      expect(await res.text()).to.include('湘西环许〔2026〕7号');
    });
  }
});
