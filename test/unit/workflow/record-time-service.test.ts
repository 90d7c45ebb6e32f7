import { expect } from 'chai';
import { ManualClock } from '../../../src/clock.ts';
import { ServiceRegistry } from '../../../src/engine/services.ts';
import { registerRecordTimeService } from '../../../src/workflow/record-time-service.ts';

describe('workflow: recordTime notes when something happened', () => {
  const clock = new ManualClock(new Date('2026-04-29T02:00:00Z'));
  const registry = new ServiceRegistry();
  registerRecordTimeService(registry, clock);
  const call = (args: string[]) => registry.get('recordTime')!({ instanceId: 'i', elementId: 'recordReceipt', idempotencyKey: 'k', variables: {}, args, context: null });

  it('sets the named variable to the current time of the injected clock', () => {
    expect(call(['materialsReceivedAt'])).to.deep.equal({ materialsReceivedAt: '2026-04-29T02:00:00.000Z' });
    clock.advance(86_400_000);
    expect(call(['materialsReceivedAt'])).to.deep.equal({ materialsReceivedAt: '2026-04-30T02:00:00.000Z' });
  });

  it('refuses a call without a variable name', () => {
    expect(() => call([])).to.throw("recordTime needs a variable name, e.g. ('materialsReceivedAt')");
    expect(() => call(['a.b'])).to.throw(/recordTime needs a variable name/);
  });
});
