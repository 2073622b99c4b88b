// The offline page in headless Chromium, opened with file://: files in, the same JSON report as the CLI out, the
// sheet view with flagged cells, downloads (annotated workbook read back with openpyxl), language, limits, and not
// one network request.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { writeCsv } from '../bench/lib/write.mjs';
// @ts-expect-error plain ESM script without types
import { buildWebPage, PAGE_BUDGET, PAGE_CSP } from '../scripts/build-web.mjs';
import type { Report } from '../src/generated/schema-types.js';
import { browserAvailable, launch } from './helpers/browser.js';
import { runCli } from './helpers/cli.js';
import {
  itemsSheetLayout,
  portalLayout,
  rowPerItemCsv,
  templateLayout,
  variantsLayout,
  xmlLayout,
} from './helpers/layouts.js';
import { startService } from './helpers/service.js';

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'govcat-web-'));
const TODAY = '2021-11-23';
const hasBrowser = browserAvailable('offline page (test/web.test.ts)');
let browser: Browser;
let pageFile = '';
let pageUrl = '';

/** A browser context that records every request other than the page itself and its worker's Blob URL. */
async function openContext(viewport = { width: 1366, height: 900 }, url = pageUrl) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const external: string[] = [];
  await context.route('**/*', (route) => {
    if (route.request().url() === url) return route.continue();
    external.push(route.request().url());
    return route.abort();
  });
  context.on('request', (r) => {
    if (r.url() !== url && !r.url().startsWith('blob:')) external.push(r.url());
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  return { context, page, external, errors };
}

/** Chooses files as an editor does and waits until the summary and the sheet view are there. */
async function check(page: Page, files: string[]): Promise<void> {
  await page.setInputFiles('#file-input', files);
  await page.waitForSelector('body[data-sheets="ready"]', { timeout: 120_000 });
}

async function downloadFrom(page: Page, button: string): Promise<{ name: string; path: string }> {
  await page.click('[data-panel="downloads"]');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  const path = join(dir, `dl-${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  return { name: download.suggestedFilename(), path };
}

/** The CLI's JSON report of the same files, named as the page names them (their base names). */
async function cliJson(files: string[], extra: string[] = []): Promise<string> {
  const names = files.map((f) => {
    copyFileSync(f, join(dir, basename(f)));
    return basename(f);
  });
  const r = await runCli(['score', ...names, '--today', TODAY, '--no-config', '-f', 'json', ...extra], {
    cwd: dir,
  });
  expect(r.stderr).toBe('');
  return r.stdout;
}

function layoutFiles(): string[] {
  const write = (name: string, bytes: Uint8Array) => {
    const path = join(dir, 'layouts', name);
    writeFileSync(path, bytes);
    return path;
  };
  execFileSync('mkdir', ['-p', join(dir, 'layouts')]);
  return [
    write('template.xlsx', templateLayout().bytes),
    write('variants.xlsx', variantsLayout().bytes),
    write('items-sheet.xlsx', itemsSheetLayout().bytes),
    write('row-per-item-gb18030.csv', rowPerItemCsv('gb18030').bytes),
    write('portal.csv', portalLayout('csv').bytes),
    write('portal.xlsx', portalLayout('xlsx').bytes),
    write('catalog-zh.xml', xmlLayout('zh')),
  ];
}

describe.skipIf(!hasBrowser)('offline page', () => {
  let ctx: Awaited<ReturnType<typeof openContext>>;

  beforeAll(async () => {
    pageFile = (await buildWebPage()).file;
    pageUrl = pathToFileURL(pageFile).href;
    browser = await launch();
    ctx = await openContext();
    await ctx.page.fill('#opt-today', TODAY);
    await ctx.page.dispatchEvent('#opt-today', 'change');
  }, 120_000);
  afterAll(async () => {
    // Not one request left the page, whatever the tests did.
    expect(ctx?.external ?? []).toEqual([]);
    expect(ctx?.errors ?? []).toEqual([]);
    await ctx?.context.close();
    await browser?.close();
  });

  it('is one file within its size budget, with a CSP that forbids every connection', () => {
    const html = readFileSync(pageFile, 'utf8');
    expect(statSync(pageFile).size).toBeLessThanOrEqual(PAGE_BUDGET);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">`);
    expect(PAGE_CSP).toContain("connect-src 'none'");
    expect(PAGE_CSP).not.toContain('unsafe-eval');
    expect(html).not.toMatch(/\b(src|href)=["']?(https?:)?\/\//);
    expect(html.match(/<script/g)).toHaveLength(2);
  });

  it('gives the JSON report of the CLI for the bundled examples, and draws the summary', async () => {
    const { page } = ctx;
    for (const name of ['nanning-shared-catalog.json', 'nanning-open-catalog.json']) {
      const file = join(root, 'examples', name);
      await check(page, [file]);
      const json = await downloadFrom(page, '#dl-json');
      expect(readFileSync(json.path, 'utf8')).toBe(await cliJson([file]));
    }
    const both = ['nanning-shared-catalog.json', 'nanning-open-catalog.json'].map((n) =>
      join(root, 'examples', n),
    );
    await check(page, both);
    const json = await downloadFrom(page, '#dl-json');
    const report = JSON.parse(readFileSync(json.path, 'utf8')) as Report;
    expect(readFileSync(json.path, 'utf8')).toBe(await cliJson(both));
    await page.click('[data-panel="summary"]');
    const counts = await page.$$eval('.counts .count strong', (els) => els.map((e) => Number(e.textContent)));
    const s = report.summary;
    expect(counts).toEqual([s.files, s.entries, s.errors, s.warnings, s.infos]);
    expect(await page.$$eval('.rates tbody tr', (rows) => rows.length)).toBe(
      Object.keys(report.rates!).length,
    );
  }, 120_000);

  it('gives the JSON report of the CLI for the layout fixtures and a real portal catalog', async () => {
    const { page } = ctx;
    const files = [
      join(root, 'test', 'fixtures', 'editor-workbook.xlsx'),
      join(root, 'test', 'fixtures', 'nanning-40-entries.json'),
      join(root, 'test', 'data', 'real-data', 'anhui_anhui.json'),
      ...layoutFiles(),
    ];
    for (const file of files) {
      await check(page, [file]);
      const json = await downloadFrom(page, '#dl-json');
      expect(readFileSync(json.path, 'utf8'), basename(file)).toBe(await cliJson([file]));
    }
  }, 300_000);

  it('highlights the flagged cells, jumps from a finding to its cell and back', async () => {
    const { page } = ctx;
    const file = join(dir, 'layouts', 'template.xlsx');
    await check(page, [file]);
    const report = JSON.parse(await cliJson([file])) as Report;
    const findings = report.files[0]!.findings.filter((f) => f.location?.cell);
    const last = findings.reduce((a, b) => (b.location!.row! > a.location!.row! ? b : a));
    expect(last.location!.row!).toBeGreaterThan(30);
    // From the finding (far down the sheet) to its cell: the grid scrolls and the cell is active and in view.
    await page.click('[data-panel="findings"]');
    await page.fill('#f-text', last.message.slice(0, 12));
    await page.click(`button.cellref:has-text("${last.location!.cell}")`);
    const cell = page.locator(`.grid .cell.active[data-cell="${last.location!.cell}"]`);
    await cell.waitFor();
    expect(await cell.getAttribute('class')).toContain(`sev-${last.severity}`);
    const inView = await page.evaluate((name) => {
      const grid = document.querySelector('.grid')!;
      const c = document.querySelector(`.grid .cell[data-cell="${name}"]`)!.getBoundingClientRect();
      const g = grid.getBoundingClientRect();
      return { scrollTop: grid.scrollTop, inside: c.top >= g.top && c.bottom <= g.bottom };
    }, last.location!.cell!);
    expect(inView.scrollTop).toBeGreaterThan(0);
    expect(inView.inside).toBe(true);
    expect(await page.textContent('#cell-detail')).toContain(last.message);
    // Every flagged cell of the first rows is coloured by its worst finding.
    await page.evaluate(() => {
      document.querySelector('.grid')!.scrollTop = 0;
      document.querySelector('.grid')!.scrollLeft = 0;
    });
    await page.waitForFunction(() => document.querySelector('.grid .row-head[data-row="0"]'));
    const flagged = await page.$$eval('.grid .cell[class*="sev-"][data-cell]', (els) =>
      els.map((e) => e.getAttribute('data-cell')),
    );
    // Rows 1–10 of columns A–E are in sight at the top left.
    const expected = findings
      .filter((f) => f.location!.row! <= 10 && /^[A-E]\d/.test(f.location!.cell!))
      .map((f) => f.location!.cell!);
    expect(expected.length).toBeGreaterThan(0);
    for (const c of expected) expect(flagged).toContain(c);
    // And back: from the cell's message to the finding in the list.
    await page.click('#cell-detail button.link');
    const focused = await page.evaluate(() => document.activeElement?.closest('li.finding')?.id ?? '');
    expect(focused).toMatch(/^finding-0-\d+$/);
    expect(await page.isVisible('#panel-findings')).toBe(true);
  }, 120_000);

  it('downloads the annotated workbook, the same as --annotate, read back with openpyxl', async () => {
    const { page } = ctx;
    const file = join(root, 'test', 'fixtures', 'editor-workbook.xlsx');
    await check(page, [file]);
    const annotated = await downloadFrom(page, '#dl-annotated');
    copyFileSync(file, join(dir, 'editor-workbook.xlsx'));
    const cli = await runCli(
      [
        'validate',
        'editor-workbook.xlsx',
        '--today',
        TODAY,
        '--no-config',
        '--annotate',
        'cli-annotated.xlsx',
      ],
      { cwd: dir },
    );
    expect(cli.code).toBe(1);
    const read = (path: string) =>
      JSON.parse(
        execFileSync('/usr/bin/python3', [
          '-c',
          `import json,sys,openpyxl
wb=openpyxl.load_workbook(sys.argv[1])
print(json.dumps({"sheets":wb.sheetnames,"comments":sorted(f"{ws.title}!{c.coordinate}" for ws in wb for row in ws.iter_rows() for c in row if c.comment)}))`,
          path,
        ]).toString(),
      ) as { sheets: string[]; comments: string[] };
    const fromPage = read(annotated.path);
    expect(fromPage.sheets[0]).toBe('校验结果');
    expect(fromPage.comments).toContain('政务数据资源目录!E5');
    expect(fromPage.comments).toContain('政务数据资源目录!O5');
    expect(fromPage).toEqual(read(join(dir, 'cli-annotated.xlsx')));
    const compiled = await downloadFrom(page, '#dl-compiled');
    expect(compiled.name).toBe('editor-workbook.compiled.xlsx');
    const html = await downloadFrom(page, '#dl-html');
    expect(readFileSync(html.path, 'utf8')).toContain('<html');
  }, 120_000);

  it('switches to English: the page and the report (as the CLI with --lang en)', async () => {
    const { page } = ctx;
    const file = join(root, 'examples', 'nanning-shared-catalog.json');
    await check(page, [file]);
    await page.click('#lang-toggle');
    await page.waitForSelector('html[lang="en"]');
    await page.waitForSelector('body[data-sheets="ready"]');
    expect(await page.textContent('[data-panel="summary"]')).toBe('Summary');
    const json = await downloadFrom(page, '#dl-json');
    expect(readFileSync(json.path, 'utf8')).toBe(await cliJson([file], ['--lang', 'en']));
    await page.click('#lang-toggle');
    await page.waitForSelector('html[lang="zh-CN"]');
    await page.waitForSelector('body[data-sheets="ready"]');
  }, 120_000);

  it('refuses files over its limits with a clear message', async () => {
    const { page } = ctx;
    const big = join(dir, 'big.csv');
    writeFileSync(big, Buffer.alloc(65 * 1024 * 1024, 0x41));
    await page.setInputFiles('#file-input', big);
    await page.waitForSelector('body[data-state="error"]');
    expect(await page.textContent('#message')).toContain('超过本页的上限 64 MB');
    const doc = join(dir, 'notes.docx');
    writeFileSync(doc, 'x');
    await page.setInputFiles('#file-input', doc);
    expect(await page.textContent('#message')).toContain('不是支持的格式');
  });

  it('keeps the grid responsive on 20,000 rows (only the rows in sight are drawn)', async () => {
    const { page } = ctx;
    const csv = join(dir, 'catalog-2500.csv');
    await writeCsv(csv, 2500);
    await check(page, [csv]);
    await page.click('[data-panel="sheet"]');
    const rows = await page.evaluate(() =>
      Number(document.querySelector('.grid')!.getAttribute('aria-rowcount')),
    );
    expect(rows).toBeGreaterThan(20_000);
    expect(await page.$$eval('.grid .cell', (els) => els.length)).toBeLessThan(1500);
    const t0 = Date.now();
    await page.focus('.grid');
    await page.keyboard.press('End');
    for (let i = 0; i < 5; i++) await page.keyboard.press('PageDown');
    await page.evaluate(() => {
      const grid = document.querySelector('.grid')!;
      grid.scrollTop = grid.scrollHeight;
    });
    await page.waitForFunction((n) => document.querySelector(`.grid .row-head[data-row="${n - 2}"]`), rows);
    expect(Date.now() - t0).toBeLessThan(5_000);
  }, 180_000);

  it('is usable at 200 % zoom and by keyboard, and writes the screenshots for README', async () => {
    const { page } = ctx;
    const file = join(root, 'test', 'fixtures', 'editor-workbook.xlsx');
    await check(page, [file]);
    await page.click('[data-panel="summary"]');
    await page.screenshot({ path: join(root, 'docs', 'images', 'web-summary.png'), fullPage: true });
    await page.click('[data-panel="findings"]');
    await page.fill('#f-text', '');
    await page.click('button.cellref:has-text("O5")');
    await page.screenshot({ path: join(root, 'docs', 'images', 'web-sheet.png') });
    // Keyboard: the arrows move the active cell, Enter shows its findings.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    expect(await page.textContent('#cell-detail')).toContain('O5');
    // 200 %: a 1366 px wide window shows 683 CSS pixels; nothing but the grid scrolls sideways.
    const zoomed = await openContext({ width: 683, height: 450 });
    await zoomed.page.fill('#opt-today', TODAY);
    await check(zoomed.page, [file]);
    const width = await zoomed.page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(683);
    // The tabs answer the arrow keys.
    await zoomed.page.focus('[data-panel="summary"]');
    await zoomed.page.keyboard.press('ArrowRight');
    expect(await zoomed.page.isVisible('#panel-findings')).toBe(true);
    expect(zoomed.external).toEqual([]);
    await zoomed.context.close();
  }, 120_000);
});

describe('govcat web and govcat serve', () => {
  it('web --out writes the built page, refuses to overwrite without --force', async () => {
    const built = readFileSync(join(root, 'dist', 'govcat-web.html'));
    const first = await runCli(['web', '--out', 'page.html'], { cwd: dir });
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toContain('已写出离线页面 page.html');
    expect(readFileSync(join(dir, 'page.html')).equals(built)).toBe(true);
    writeFileSync(join(dir, 'page.html'), 'old');
    const again = await runCli(['web', '--out', 'page.html'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('已存在');
    expect(readFileSync(join(dir, 'page.html'), 'utf8')).toBe('old');
    const forced = await runCli(['web', '--out', 'page.html', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'page.html')).equals(built)).toBe(true);
  });

  it.skipIf(!hasBrowser)(
    'serve answers GET / with the page, which works under the service headers',
    async () => {
      const service = await startService({ token: 'secret-token' });
      try {
        const r = await service.get('/');
        expect(r.status).toBe(200);
        expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
        expect(r.headers.get('content-security-policy')).toBe(PAGE_CSP);
        expect(r.text).toBe(readFileSync(join(root, 'dist', 'govcat-web.html'), 'utf8'));
        // The API still wants its token.
        expect((await service.get('/v1/rules')).status).toBe(401);
        browser = await launch();
        const served = await openContext(undefined, `${service.url}/`);
        await served.page.fill('#opt-today', TODAY);
        await check(served.page, [join(root, 'examples', 'nanning-shared-catalog.json')]);
        expect(await served.page.textContent('.counts')).toContain('7');
        expect(served.external).toEqual([]);
        expect(served.errors).toEqual([]);
        await served.context.close();
      } finally {
        await service.close();
      }
    },
    60_000,
  );
});
