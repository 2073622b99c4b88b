// Build step: the offline page dist/govcat-web.html — one file with its styles, icon, page script and the Web
// Worker that runs the core (inlined, started from a Blob URL). esbuild bundles both scripts for browsers; the
// worker validates with the validators precompiled by gen-validators.mjs (no code generated at run time, so the
// page's Content-Security-Policy, src/web/csp.ts, needs no 'unsafe-eval'). Run after tsc and gen-validators
// (npm run build).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';
import { PAGE_CSP } from '../dist/src/web/csp.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pageDir = join(root, 'src', 'web', 'page');
const out = join(root, 'dist', 'govcat-web.html');

/** The page's size budget in bytes (README “离线页面”; test/web.test.ts checks the built file against it). */
export { PAGE_CSP };
export const PAGE_BUDGET = 3 * 1024 * 1024;

const ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1d2430"/>' +
  '<path d="M8 9h16v3H8zm0 6h16v3H8zm0 6h10v3H8z" fill="#fff"/><circle cx="24" cy="23" r="5" fill="#2e7d32"/>' +
  '<path d="M21.5 23l2 2 3-3.5" stroke="#fff" stroke-width="1.6" fill="none"/></svg>';

const precompiled = {
  name: 'govcat-precompiled-validators',
  setup(b) {
    b.onResolve({ filter: /^govcat:precompiled-validators$/ }, () => ({
      path: join(root, 'dist', 'src', 'schema', 'validators.cjs'),
    }));
  },
};

async function bundle(entry, plugins = []) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['chrome100', 'firefox100', 'safari15', 'edge100'],
    minify: true,
    legalComments: 'eof',
    charset: 'utf8',
    logLevel: 'warning',
    // csv-stringify's Node build calls Buffer at load; its browser build (same package and version) does not.
    alias: { 'csv-stringify/sync': 'csv-stringify/browser/esm/sync' },
    plugins,
  });
  return result.outputFiles[0].text;
}

/** Text that would end or confuse the <script> element it is inlined in. */
function checkInline(name, code) {
  for (const bad of [/<\/script/i, /<!--/, /<script/i])
    if (bad.test(code))
      throw new Error(`build-web: ${name} contains ${bad}, which cannot be inlined in <script>`);
}

export async function buildWebPage() {
  const worker = await bundle(join(root, 'src', 'web', 'worker.ts'), [precompiled]);
  const script = await bundle(join(pageDir, 'main.ts'));
  // The worker's libraries hold '<!--' and '</' in strings and patterns: inlined as a string literal with every
  // '<' escaped, nothing in it can end or re-mode the <script> element.
  const workerScript = `var GOVCAT_WORKER_SOURCE=${JSON.stringify(worker).replace(/</g, '\\u003c')};`;
  checkInline('the worker', workerScript);
  checkInline('the page script', script);
  const css = (
    await transform(readFileSync(join(pageDir, 'style.css'), 'utf8'), { loader: 'css', minify: true })
  ).code;
  const icon = `data:image/svg+xml,${encodeURIComponent(ICON)}`;
  const parts = { CSP: PAGE_CSP, ICON: icon, STYLE: css, WORKER: workerScript, SCRIPT: script };
  const html = readFileSync(join(pageDir, 'index.html'), 'utf8').replace(
    /(?:\/\*)?@([A-Z]+)@(?:\*\/)?/g,
    (whole, key) => {
      if (!(key in parts)) throw new Error(`build-web: unknown placeholder ${whole}`);
      return parts[key];
    },
  );
  const size = Buffer.byteLength(html);
  if (size > PAGE_BUDGET)
    throw new Error(`build-web: the page is ${size} bytes, over its budget of ${PAGE_BUDGET} bytes`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(`${out}.tmp`, html);
  renameSync(`${out}.tmp`, out);
  return { file: out, size, worker: Buffer.byteLength(worker), script: Buffer.byteLength(script) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await buildWebPage();
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  console.log(
    `build-web: dist/govcat-web.html ${kb(r.size)} (worker ${kb(r.worker)}, page ${kb(r.script)}; budget ${kb(PAGE_BUDGET)})`,
  );
}
