// Headless Chromium (Debian's package) for rendering the HTML report: screenshot, DOM checks, no network.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';

/** Where Debian installs Chromium (.ci/run installs it when missing). */
export const CHROMIUM = '/usr/bin/chromium';

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
