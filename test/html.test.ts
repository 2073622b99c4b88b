// The HTML report rendered in headless Chromium: it draws the charts and tables, and requests nothing from the network.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getFormatter, renderReport } from '../src/formatters/index.js';
import type { Report } from '../src/generated/schema-types.js';
import { browserAvailable, launch, render } from './helpers/browser.js';
import { runCli } from './helpers/cli.js';

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'govcat-html-'));
let browser: Browser;
/** Skipped with a notice on a machine without Chromium; required under CI=true. */
const hasBrowser = browserAvailable('html report (test/html.test.ts)');

function pngSize(file: string): { width: number; height: number } {
  const png = readFileSync(file);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe.skipIf(!hasBrowser)('html report', () => {
  beforeAll(async () => {
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('renders rates against 80 % / 90 %, providers, findings by rule and the score, offline', async () => {
    writeFileSync(
      join(dir, 'published.csv'),
      ['数据资源代码', '102001001/1', '202001001/1', '202001001/2', '315004002/1', '315099001/1'].join('\n'),
    );
    const example = join(root, 'examples', 'nanning-shared-catalog.json');
    const args = ['score', example, '--today', '2021-11-23', '--published', 'published.csv'];
    const json = await runCli([...args, '-f', 'json'], { cwd: dir });
    const report = JSON.parse(json.stdout) as Report;
    const r = await runCli([...args, '-f', 'html', '-o', 'report.html'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const file = join(dir, 'report.html');
    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/\b(src|href)=["']?(https?:)?\/\//);
    const shot = join(dir, 'report.png');
    const page = await render(browser, file, shot);
    expect(page.external).toEqual([]);
    const dom = await page.evaluate(() => {
      const bars = [...document.querySelectorAll('svg[data-chart="rates"] rect.bar')];
      const lines = [...document.querySelectorAll('svg[data-chart="rates"] line.threshold')];
      return {
        title: document.querySelector('h1')?.textContent,
        bars: bars.map((b) => ({ cls: b.getAttribute('class'), width: Number(b.getAttribute('width')) })),
        lines: lines.map((l) => ({
          percent: l.getAttribute('data-percent'),
          x: Number(l.getAttribute('x1')),
        })),
        providers: document.querySelectorAll('table.providers tbody tr').length,
        indicators: document.querySelectorAll('table.score tr.indicator').length,
        rules: [...document.querySelectorAll('table.rules tbody tr td:first-child')].map(
          (td) => td.textContent,
        ),
        bodyWidth: document.body.scrollWidth,
      };
    });
    expect(dom.title).toBe('政务数据资源目录校验报告');
    const rates = Object.values(report.files[0]!.rates);
    expect(dom.bars).toHaveLength(rates.length);
    // 元数据描述规范合格率 7/12 is below 80 % (red); 可发布目录完成率 4/12 too; naming 12/12 is above 90 %.
    expect(dom.bars[0]).toMatchObject({ cls: 'bar good', width: 440 });
    expect(dom.bars[1]!.cls).toBe('bar poor');
    expect(dom.bars[1]!.width).toBeCloseTo((440 * 7) / 12, 0);
    expect(dom.lines.map((l) => l.percent)).toEqual(['80', '90']);
    expect(dom.lines[1]!.x - dom.lines[0]!.x).toBeCloseTo(44, 5);
    expect(dom.providers).toBe(9);
    expect(dom.indicators).toBe(report.score!.indicators.length);
    expect(dom.rules).toContain('code/unique');
    expect(dom.bodyWidth).toBeLessThanOrEqual(1366);
    const size = pngSize(shot);
    expect(size.width).toBe(1366);
    expect(size.height).toBeGreaterThan(1500);
  }, 60_000);

  it('escapes catalog text, so a hostile cell can neither inject markup nor fetch anything', async () => {
    const hostile =
      '<img src="http://example.invalid/x.png"><script>fetch("http://example.invalid/")</script>';
    const report: Report = {
      version: 1,
      tool: { name: 'govcat', version: '0.1.0' },
      files: [
        {
          path: `catalogs/${hostile}.json`,
          format: 'json',
          kind: 'shared',
          entries: 1,
          findings: [
            {
              ruleId: 'schema/pattern',
              severity: 'error',
              category: 'metadata',
              message: `数据资源名称“${hostile}”格式不对`,
              entry: 0,
              entryName: hostile,
              location: { field: 'name' },
            },
          ],
          rates: {
            naming: {
              label: hostile,
              conforming: 0,
              total: 1,
              rate: 0,
              byProvider: {
                [hostile]: { conforming: 0, total: 1, rate: 0 },
                乙局: { conforming: 0, total: 0, rate: null },
              },
            },
          },
        },
      ],
      summary: { files: 1, entries: 1, errors: 1, warnings: 0, infos: 0 },
    };
    const file = join(dir, 'hostile.html');
    writeFileSync(file, renderReport(getFormatter('html')!, report, { lang: 'zh', color: false }));
    const page = await render(browser, file, join(dir, 'hostile.png'));
    expect(page.external).toEqual([]);
    const counts = await page.evaluate(() => ({
      img: document.querySelectorAll('img').length,
      script: document.querySelectorAll('script').length,
      text: document.body.textContent ?? '',
    }));
    expect(counts.img).toBe(0);
    expect(counts.script).toBe(0);
    expect(counts.text).toContain('<img src="http://example.invalid/x.png">');
  }, 60_000);

  it('detects a network request when a page does make one (control for the checks above)', async () => {
    const file = join(dir, 'control.html');
    writeFileSync(file, '<!doctype html><title>x</title><img src="http://example.invalid/x.png">');
    const page = await render(browser, file, join(dir, 'control.png'));
    expect(page.external).toEqual(['http://example.invalid/x.png']);
  }, 60_000);
});
