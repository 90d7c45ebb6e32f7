import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect } from 'chai';
import { ROOT } from '../helpers/server.ts';

/**
 * A newcomer's `npm test` without chromium passes with one line saying how to enable the browser
 * tests; CI (ZHIFA_REQUIRE_BROWSER=1, set by .ci/run) fails instead of skipping. Mocha runs two
 * browser files in a child process with the browser pointed at a path that does not exist.
 */
const MISSING = '/nonexistent/zhifa-test/chromium';
const FILES = ['test/browser/processes-open-in-bpmn-js.test.ts', 'test/browser/admin-modeler.test.ts'];

function runBrowserFiles(env: Record<string, string>): { status: number | null; out: string } {
  const base = { ...process.env };
  delete base.ZHIFA_REQUIRE_BROWSER; // the outer run may be CI's
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/mocha/bin/mocha.js'), '--reporter', 'dot', ...FILES], {
    cwd: ROOT,
    env: { ...base, ZHIFA_CHROMIUM: MISSING, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('test helpers: the browser tests without a browser', function () {
  this.timeout(90_000);

  it('skips every browser test with one line that says how to enable them, and passes', () => {
    const { status, out } = runBrowserFiles({});
    const line = `browser tests skipped: ${MISSING} not found — apt-get install chromium fonts-wqy-microhei`;
    expect(out.split('\n').filter((l) => l.includes('browser tests skipped'))).to.deep.equal([line]);
    expect(out).to.match(/\b0 passing\b/);
    expect(out).to.match(/\b([2-9]|\d\d+) pending\b/);
    expect(out).not.to.match(/failing/);
    expect(status).to.equal(0);
  });

  it('fails every browser suite instead when ZHIFA_REQUIRE_BROWSER=1', () => {
    const { status, out } = runBrowserFiles({ ZHIFA_REQUIRE_BROWSER: '1' });
    expect(out).not.to.contain('browser tests skipped');
    expect(out).to.contain(`browser tests required (ZHIFA_REQUIRE_BROWSER=1): ${MISSING} not found`);
    expect(out).to.match(/\b2 failing\b/);
    expect(status).to.equal(2);
  });
});
