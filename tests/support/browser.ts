import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, driven by playwright-core (no browser download on these machines). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumInstalled(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** The two widths every admin screen is looked at (TEAM-BRIEF): a laptop and a phone. */
export const VIEWPORTS = {
  laptop: { width: 1366, height: 800 },
  phone: { width: 390, height: 844 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

/** Git-ignored folder for browser test artefacts (screenshots to look at after a run). */
export const ARTIFACTS_DIR = fileURLToPath(new URL('../artifacts/', import.meta.url));

/** Saves a full-page screenshot as tests/artifacts/screenshots/<suite>/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, suite: string, name: string): Promise<string> {
  const dir = join(ARTIFACTS_DIR, 'screenshots', suite);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}

/**
 * A new browser context at `viewport`, signed in to the admin app as `email`, with the page's errors collected (a
 * failed resource or the live stream's reconnects are not errors of the page). `beforeSignIn` runs on the fresh
 * page before it opens the app (a suite that shapes some API answers with page.route sets them there).
 */
export async function signedInPage(
  browser: Browser,
  options: { baseUrl: string; email: string; password: string; viewport: ViewportName; beforeSignIn?: (page: Page) => Promise<unknown> },
): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: VIEWPORTS[options.viewport], locale: 'vi-VN' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/Failed to load resource|EventSource/.test(msg.text())) problems.push(`console: ${msg.text()}`);
  });
  await options.beforeSignIn?.(page);
  await page.goto(`${options.baseUrl}/admin/login`);
  await page.fill('input[name=email]', options.email);
  await page.fill('input[name=password]', options.password);
  await page.click('button[type=submit]');
  await page.waitForSelector('.app');
  return { page, problems };
}
