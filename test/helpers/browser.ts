// Headless Chromium (Debian's package) for rendering the HTML report: screenshot, DOM checks, no network.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';

/** Where Debian installs Chromium (.ci/run installs it when missing); GOVCAT_CHROMIUM names another one. */
export const CHROMIUM = process.env.GOVCAT_CHROMIUM || '/usr/bin/chromium';

/** What browserAvailable looks at (the real file system, environment and console unless given). */
export interface BrowserCheck {
  path?: string;
  env?: Record<string, string | undefined>;
  exists?: (path: string) => boolean;
  warn?: (message: string) => void;
}

/**
 * Whether the browser tests of `suite` can run. On a machine without Chromium they are skipped with a
 * printed notice (`describe.skipIf(!browserAvailable('…'))`), so `npm test` passes on a fresh machine;
 * under CI=true they must run, and a missing Chromium throws (the suite fails) instead.
 */
export function browserAvailable(suite: string, check: BrowserCheck = {}): boolean {
  const path = check.path ?? CHROMIUM;
  const env = check.env ?? process.env;
  if ((check.exists ?? existsSync)(path)) return true;
  const install = 'apt-get install -y chromium, or set GOVCAT_CHROMIUM to a Chromium executable';
  if (env.CI === 'true')
    throw new Error(
      `${suite}: ${path} is missing and CI=true requires the browser tests to run (${install})`,
    );
  (check.warn ?? console.warn)(
    `${suite}: skipped, ${path} not found (${install}; with CI=true they must run)`,
  );
  return false;
}

/** Launches headless Chromium with networking features off; throws (never skips) when it is missing. */
export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** Renders a local HTML file, recording every request that is not for the file itself (all are aborted). */
export async function render(
  browser: Browser,
  file: string,
  screenshot: string,
  viewport = { width: 1366, height: 768 },
): Promise<{ external: string[]; evaluate: <T>(fn: () => T) => Promise<T> }> {
  const page = await browser.newPage({ viewport });
  const external = new Set<string>();
  const url = pathToFileURL(file).href;
  await page.route('**/*', (route) => {
    const u = route.request().url();
    if (u === url) return route.continue();
    external.add(u);
    return route.abort();
  });
  page.on('request', (r) => {
    if (r.url() !== url) external.add(r.url());
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.screenshot({ path: screenshot, fullPage: true });
  return { external: [...external], evaluate: (fn) => page.evaluate(fn) };
}
