// Renders README's workbook pictures with LibreOffice (headless → PDF → pdftoppm PNG) into docs/images:
// the annotated copy of test/fixtures/editor-workbook.xlsx (notes shown) and the govcat init template.
// Run with `npm run screenshot:office` after `npm run build`; needs Debian's libreoffice-calc and poppler-utils.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { run } = await import(pathToFileURL(join(root, 'dist', 'src', 'cli', 'run.js')).href);
const { OoxmlPackage } = await import(
  pathToFileURL(join(root, 'dist', 'src', 'io', 'ooxml', 'package.js')).href
);
const soffice = process.env.GOVCAT_SOFFICE || '/usr/bin/soffice';
const dir = mkdtempSync(join(tmpdir(), 'govcat-office-shot-'));
const out = join(root, 'docs', 'images');

async function govcat(...argv) {
  const sink = { write: () => true, isTTY: false };
  return run(argv, { stdout: sink, stderr: sink, env: { NO_COLOR: '1' }, cwd: dir });
}

/** Renders the first page of `name` (in dir) to docs/images/<png>, at `dpi`, cropped to `crop` pixels. */
function render(name, png, dpi = 110, crop = []) {
  execFileSync(
    soffice,
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      join(dir, name),
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  const pdf = join(dir, name.replace(/\.xlsx$/, '.pdf'));
  const stem = join(dir, png.replace(/\.png$/, ''));
  const [x, y, w, h] = crop;
  const box = crop.length === 4 ? ['-x', String(x), '-y', String(y), '-W', String(w), '-H', String(h)] : [];
  execFileSync(
    'pdftoppm',
    ['-png', '-r', String(dpi), '-f', '1', '-l', '1', ...box, '-singlefile', pdf, stem],
    {
      stdio: 'pipe',
    },
  );
  copyFileSync(`${stem}.png`, join(out, png));
  process.stdout.write(`wrote docs/images/${png}\n`);
}

/** A copy of a workbook with only `keep` sheets visible (first is active) and notes shown, for printing. */
async function printable(src, dest, keep, showNotes) {
  const pkg = new OoxmlPackage(readFileSync(join(dir, src)));
  const wb = pkg.text('xl/workbook.xml');
  const names = [...wb.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1]);
  let xml = wb.replace(/<sheet\b([^>]*?)\/>/g, (_m, attrs) => {
    const name = /\bname="([^"]*)"/.exec(attrs)[1];
    const clean = attrs.replace(/\s*\bstate="[^"]*"/, '');
    return keep.includes(name) ? `<sheet${clean}/>` : `<sheet${clean} state="hidden"/>`;
  });
  const active = names.indexOf(keep[0]);
  xml = /\bactiveTab="/.test(xml)
    ? xml.replace(/\bactiveTab="\d+"/, `activeTab="${active}"`)
    : /<workbookView\b/.test(xml)
      ? xml.replace(/<workbookView\b/, `<workbookView activeTab="${active}"`)
      : xml.replace(/<sheets>/, `<bookViews><workbookView activeTab="${active}"/></bookViews><sheets>`);
  pkg.set('xl/workbook.xml', xml);
  // Landscape, one page wide, so the picture shows every column.
  const { sheets } = await import(
    pathToFileURL(join(root, 'dist', 'src', 'io', 'ooxml', 'workbook.js')).href
  );
  for (const sheet of sheets(pkg)) {
    let x = pkg.text(sheet.part);
    x = x.replace(/<pageSetup\b[^>]*\/>/, '');
    x = /<pageSetUpPr\b[^>]*\/>/.test(x)
      ? x.replace(/<pageSetUpPr\b[^>]*\/>/, '<pageSetUpPr fitToPage="1"/>')
      : /<sheetPr\b[^>]*\/>/.test(x)
        ? x.replace(/<sheetPr\b([^>]*)\/>/, '<sheetPr$1><pageSetUpPr fitToPage="1"/></sheetPr>')
        : /<sheetPr\b[^>]*>/.test(x)
          ? x.replace(/(<sheetPr\b[^>]*>)/, '$1<pageSetUpPr fitToPage="1"/>')
          : x.replace(/(<worksheet\b[^>]*>)/, '$1<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    const setup = '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>';
    x = /<pageMargins\b[^>]*\/>/.test(x)
      ? x.replace(/(<pageMargins\b[^>]*\/>)/, `$1${setup}`)
      : x.replace(
          /(<\/sheetData>(?:[\s\S]*?<\/mergeCells>|)(?:[\s\S]*?<\/dataValidations>|))/,
          `$1<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>${setup}`,
        );
    pkg.set(sheet.part, x);
  }
  if (showNotes)
    for (const part of pkg.names().filter((n) => n.endsWith('.vml')))
      pkg.set(part, pkg.text(part).replace(/visibility:hidden/g, 'visibility:visible'));
  writeFileSync(join(dir, dest), pkg.write());
}

try {
  copyFileSync(join(root, 'test', 'fixtures', 'editor-workbook.xlsx'), join(dir, '目录.xlsx'));
  await govcat('validate', '目录.xlsx', '--annotate', 'annotated.xlsx');
  await printable('annotated.xlsx', 'annotated-sheet.xlsx', ['政务数据资源目录'], true);
  render('annotated-sheet.xlsx', 'annotate-workbook.png', 300, [220, 280, 2820, 400]);
  await printable('annotated.xlsx', 'annotated-findings.xlsx', ['校验结果'], false);
  render('annotated-findings.xlsx', 'annotate-findings.png', 200, [90, 150, 2249, 400]);
  await govcat('init', 'template.xlsx');
  await printable('template.xlsx', 'template-lists.xlsx', ['代码表'], false);
  render('template-lists.xlsx', 'template-lists.png', 200, [0, 0, 2339, 700]);
  await printable('template.xlsx', 'template-guide.xlsx', ['填表说明'], false);
  render('template-guide.xlsx', 'template-guide.png', 150);
  await printable('template.xlsx', 'template-sheet.xlsx', ['政务数据资源目录'], false);
  render('template-sheet.xlsx', 'template-header.png', 300, [100, 100, 3300, 150]);
  process.stdout.write(`${readdirSync(out).join(', ')}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
