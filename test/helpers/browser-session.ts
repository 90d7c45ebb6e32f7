import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { ROOT } from './server.ts';

/**
 * The README's screenshots are refreshed with `ZHIFA_SCREENSHOTS=docs npm test`; an ordinary run
 * still takes them (a page that cannot be drawn fails the test) but into the temp folder, so
 * running the tests leaves the checkout clean.
 */
export const SCREENSHOTS = process.env.ZHIFA_SCREENSHOTS === 'docs' ? path.join(ROOT, 'docs', 'screenshots') : path.join(os.tmpdir(), 'zhifa-screenshots');

/** A page of its own browser context (its own cookies), signed in through the real /login form. */
export async function signedInPage(browser: Browser, base: string, username: string, password = 'demo', options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', ...options });
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')), page.click('button[type=submit]')]);
  return page;
}

export function screenshot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
