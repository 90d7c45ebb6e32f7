/**
 * A worker process that starts firing due timers and hangs inside the firing command, so a
 * test can kill it mid-command. Configured by ZHIFA_TEST_WORKER (JSON: database, schema, now).
 */
import { ManualClock } from '../../src/clock.ts';
import { ServiceRegistry } from '../../src/engine/services.ts';
import { createZhifa } from '../../src/zhifa.ts';
import { testConfig } from './server.ts';

const { database, schema, now } = JSON.parse(process.env.ZHIFA_TEST_WORKER ?? '{}');
const services = new ServiceRegistry().register('notifyLate', () => {
  process.stdout.write('FIRING\n');
  return new Promise(() => {});
});
const zhifa = await createZhifa({
  config: testConfig({ database, schema, drop: async () => {} }, '/nonexistent'),
  clock: new ManualClock(new Date(now)),
  services,
  schema,
  log: () => {},
});
await zhifa.tick();
