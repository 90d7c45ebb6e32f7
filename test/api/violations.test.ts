import { expect } from 'chai';
import { startProcessServer, type TestServer } from '../helpers/server.ts';

describe('API: GET /api/violations (the violation library, public)', () => {
  let s: TestServer;
  before(async () => { s = await startProcessServer('api-violations'); });
  after(() => s.close());

  it('returns the library with its version and every entry, without a token', async () => {
    const res = await fetch(`${s.base}/api/violations`);
    expect(res.status).to.equal(200);
    const body = await res.json() as { version: string; effectiveDate: string; legalReviewCatalogVersion: string; entries: Array<{ code: string; penaltyProvisions: Array<{ label: string; text: string }> }> };
    expect(body.version).to.equal('2026-1');
    expect(body.legalReviewCatalogVersion).to.equal('2026-2');
    expect(body.entries.length).to.be.at.least(12);
    const water = body.entries.find((e) => e.code === 'WATER-02')!;
    expect(water.penaltyProvisions[0]!.label).to.equal('《中华人民共和国水污染防治法》第八十三条第三项');
  });

  it('returns one violation type by its code, and 404 for a code the library does not have', async () => {
    const res = await fetch(`${s.base}/api/violations/PERMIT-01`);
    expect(res.status).to.equal(200);
    const one = await res.json() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(one).to.include({ code: 'PERMIT-01', version: '2026-1', violationType: 'dischargePermit', violationTypeLabel: '排污许可管理违法行为' });
    expect(one.penalties[0]).to.deep.include({ kind: 'fine', kindLabel: '罚款', range: { type: 'amount', min: 200000, max: 1000000 } });
    expect(one.hearingRight.level).to.equal('always');
    expect(one.legalReview.level).to.equal('always');
    expect(one.dailyPenalty.map((p: { label: string }) => p.label)).to.deep.equal(['《排污许可管理条例》第三十八条', '《中华人民共和国环境保护法》第五十九条第一款']);
    const missing = await fetch(`${s.base}/api/violations/AIR-99`);
    expect(missing.status).to.equal(404);
    expect(((await missing.json()) as { detail: string }).detail).to.equal('违法行为库中没有该违法行为');
  });
});
