import { expect } from 'chai';
import { startProcessServer, type TestServer } from '../helpers/server.ts';

describe('API: GET /api/discretion (the discretion benchmark, public)', () => {
  let s: TestServer;
  before(async () => { s = await startProcessServer('api-discretion'); });
  after(() => s.close());

  it('returns the version in force with every version, the applicability rule and the tables, without a token', async () => {
    const res = await fetch(`${s.base}/api/discretion`);
    expect(res.status).to.equal(200);
    const body = await res.json() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(body).to.include({ version: '2026-1', effectiveDate: '2026-01-01', currentVersion: '2026-1' });
    expect(body.versions).to.deep.equal([{ version: '2026-1', effectiveDate: '2026-01-01', current: true, shown: true }]);
    expect(body.appliesTo).to.match(/^立案日期在某一版本生效日期当日或者之后的案件，适用该版本/);
    expect(body.tables.map((t: { code: string }) => t.code)).to.include.members(['AIR-01', 'WATER-01', 'WATER-02', 'EIA-01', 'PERMIT-01', 'SW-03']);
    expect(body.exemptions.map((e: { effectLabel: string }) => e.effectLabel)).to.deep.equal(['不予处罚', '不予处罚', '可以不予处罚']);
  });

  it('returns one violation type\'s table by its code, and 404 for a code without a table or an unknown version', async () => {
    const res = await fetch(`${s.base}/api/discretion/PERMIT-01`);
    expect(res.status).to.equal(200);
    const one = await res.json() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(one).to.include({ version: '2026-1' });
    expect(one.table).to.include({ code: 'PERMIT-01', legalRangeText: '20万元以上100万元以下', weightTotal: 100, bandPercent: 5 });
    expect(one.table.factors[0]).to.deep.include({ name: '排污单位管理类别', weight: 20, levels: [{ level: 1, label: '简化管理', score: 60 }, { level: 2, label: '重点管理', score: 100 }] });
    const missing = await fetch(`${s.base}/api/discretion/NOISE-01`);
    expect(missing.status).to.equal(404);
    expect(((await missing.json()) as { detail: string }).detail).to.equal('裁量基准中没有该违法行为的裁量表');
    expect((await fetch(`${s.base}/api/discretion?version=1999-1`)).status).to.equal(404);
  });
});
