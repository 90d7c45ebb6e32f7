import { expect } from 'chai';
import { deploy, startInstance, view } from '../helpers/fixtures.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

describe('Feature: enforcement documents are rendered and numbered in the agency pattern', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer({ label: 'documents', clockStart: new Date('2026-03-02T02:00:00Z') });
    await deploy(s, 'issue-decision.bpmn');
  });
  after(() => s.close());

  const decision = { party: '某某化工有限公司', partyType: '法人及非法人组织', facts: '超标排放废水', evidenceReason: '监测报告', legalBasisReason: '水污染防治法第八十三条', discretionReason: '首次违法，积极整改', penaltyContent: '罚款', decidedFineAmount: 100000 };

  it('numbers decisions in one sequence per kind and year, never twice', async () => {
    const a = await startInstance(s, 'issue-decision', decision);
    const b = await startInstance(s, 'issue-decision', decision);
    expect((await view(s, a)).variables.penaltyDecisionNo).to.equal('湘西环罚〔2026〕1号');
    expect((await view(s, b)).variables.penaltyDecisionNo).to.equal('湘西环罚〔2026〕2号');
    await s.api.post('/api/dev/clock', { set: '2027-01-04T02:00:00Z' });
    const c = await startInstance(s, 'issue-decision', decision);
    expect((await view(s, c)).variables.penaltyDecisionNo, 'a new year starts a new sequence').to.equal('湘西环罚〔2027〕1号');
  });

  it('renders the three reasons, lists the document on its case, and keeps a party named <script> as text', async () => {
    await s.api.post('/api/dev/clock', { set: '2026-03-03T02:00:00Z' });
    const id = await startInstance(s, 'issue-decision', { ...decision, party: '<script>alert(1)</script>' });
    const docs = await s.api.get(`/api/instances/${id}/documents`);
    expect(docs.body).to.have.length(1);
    expect(docs.body[0]).to.include({ kind: 'penalty-decision', title: '行政处罚决定书' });
    const html = await s.api.get(`/api/documents/${docs.body[0].id}`);
    expect(html.contentType).to.contain('text/html');
    expect(html.body).to.contain('证据采信理由').and.contain('监测报告').and.contain('首次违法，积极整改').and.contain('2026年3月3日');
    expect(html.body).to.contain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.body).to.not.contain('<script>alert');
    expect((await view(s, id)).history.map((h: { kind: string }) => h.kind)).to.include('document.issued');
  });
});
