import { expect } from 'chai';
import { deploy, view } from '../helpers/fixtures.ts';
import { ApiClient, startServer, type TestServer } from '../helpers/server.ts';

/** Statutory limits are extended through the diagrams' approval tasks; the clocks API is an administrator's correction. */
describe('API: changing a statutory clock directly', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer({ label: 'clock-api-access' });
    await deploy(s, 'clock-bound.bpmn');
  });
  after(() => s.close());

  it('refuses staff (403) and leaves the clock as it was; an administrator may correct it', async () => {
    const officer = await ApiClient.login(s.base, 'officer1', 'demo');
    const id = (await officer.post('/api/instances', { processKey: 'clock-bound' })).body.id;
    const before = (await view(s, id)).clocks[0];
    const refused = await officer.post(`/api/instances/${id}/clocks/decision/extend`, { period: 'P30CD', reason: '自行延长' });
    expect(refused.status).to.equal(403);
    expect((await view(s, id)).clocks[0]).to.deep.equal(before);
    const corrected = await s.api.post(`/api/instances/${id}/clocks/decision/extend`, { period: 'P15CD', reason: '更正：经负责人书面批准' });
    expect(corrected.status).to.equal(200);
    expect(corrected.body.dueAt).to.not.equal(before.dueAt);
  });
});
