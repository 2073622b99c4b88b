// Renders the bundled example's HTML report in headless Chromium and saves docs/images/report-html.png (README).
// Run with `npm run screenshot` after `npm run build`; needs Debian's chromium at /usr/bin/chromium.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { run } = await import(pathToFileURL(join(root, 'dist', 'src', 'cli', 'run.js')).href);
const dir = mkdtempSync(join(tmpdir(), 'govcat-shot-'));
writeFileSync(
  join(dir, 'published.csv'),
  [
    '数据资源代码',
    '102001001/1',
    '202001001/1',
    '202001001/2',
    '315004002/1',
    '315015001/1',
    '315015001/2',
    '315031001/1',
    '315009001/1',
    '315027001/1',
  ].join('\n'),
);
writeFileSync(
  join(dir, 'interfaces.csv'),
  [
    '接口名称,数据资源代码,检查结果',
    '市场主体登记信息查询,102001001/1,合格',
    '驾驶人信息核验,315004002/1,合格',
    '办件信息推送,315031001/1,不合格',
    '公积金缴存查询,315009001/1,合格',
  ].join('\n'),
);
const html = join(dir, 'report.html');
const quiet = { write: () => true };
await run(
  [
    'score',
    'examples/nanning-shared-catalog.json',
    '--today',
    '2021-11-23',
    '--published',
    join(dir, 'published.csv'),
    '--interfaces',
    join(dir, 'interfaces.csv'),
    '-f',
    'html',
    '-o',
    html,
  ],
  { stdout: quiet, stderr: process.stderr, env: {}, cwd: root },
);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
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
const page = await browser.newPage({ viewport: { width: 1366, height: 1500 } });
await page.route('**/*', (r) => (r.request().url().startsWith('file:') ? r.continue() : r.abort()));
await page.goto(pathToFileURL(html).href);
const out = join(root, 'docs', 'images', 'report-html.png');
await page.screenshot({ path: out });
await browser.close();
console.log(`wrote ${out.slice(root.length + 1)}`);
