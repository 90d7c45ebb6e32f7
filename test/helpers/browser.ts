import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's chromium (installed by .ci/run); never a browser downloaded by a test tool.
 * `ZHIFA_CHROMIUM` points elsewhere (the skip test uses it to point at nothing).
 */
export const CHROMIUM = process.env.ZHIFA_CHROMIUM || '/usr/bin/chromium';

/** Set by .ci/run: a missing browser fails the browser suites instead of skipping them. */
const REQUIRE_BROWSER = process.env.ZHIFA_REQUIRE_BROWSER === '1';

export const HOW_TO_ENABLE = `${CHROMIUM} not found — apt-get install chromium fonts-wqy-microhei`;
let announced = false;

/**
 * The first hook of every browser suite: without chromium a newcomer's `npm test` still passes,
 * the suite's tests are pending and one line (printed once per run) says how to enable them.
 */
export function skipWithoutChromium(hook: Mocha.Context): void {
  if (fs.existsSync(CHROMIUM)) return;
  if (REQUIRE_BROWSER) throw new Error(`browser tests required (ZHIFA_REQUIRE_BROWSER=1): ${HOW_TO_ENABLE}`);
  if (!announced) console.log(`browser tests skipped: ${HOW_TO_ENABLE}`);
  announced = true;
  hook.skip();
}

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium), as .ci/run does`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // The machine's network is closed: background services would only fail and slow the start.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
