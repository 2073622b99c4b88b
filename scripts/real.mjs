// Runs govcat over the real-portal corpus (`npm run real [folder]`): entries published and read, the kind and
// why, findings per entry by rule, and the precision of the rules on the labeled sample of findings.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The vendored corpus and the labeled findings. */
export const CORPUS_DIR = join(root, 'test', 'data', 'real-data');
export const LABELS_FILE = join(root, 'test', 'data', 'real-labels.json');

/**
 * The corpus was crawled in June 2023 and its latest date is 2023-06-17: runs are judged as of the next day,
 * so dates and staleness do not depend on the day the script runs.
 */
export const CORPUS_TODAY = '2023-06-18';

/** Precision the labeled sample must reach: overall, and for a rule that stays at error severity. */
export const MIN_PRECISION = 0.95;
export const MIN_ERROR_RULE_PRECISION = 0.9;

/** The catalog files of a corpus folder (the header mapping file is not a catalog). */
export function corpusFiles(dir = CORPUS_DIR) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'portal-header-mapping.json')
    .sort()
    .map((f) => join(dir, f));
}

/** Entries a portal published in a file: the top-level array, or the array inside a wrapper object. */
export function publishedCount(path) {
  const doc = JSON.parse(readFileSync(path, 'utf8'));
  if (Array.isArray(doc)) return doc.length;
  const stack = [doc];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    for (const value of Object.values(node)) {
      if (Array.isArray(value) && value.length > 0 && value.every((v) => v && typeof v === 'object'))
        return value.length;
      if (value && typeof value === 'object') stack.push(value);
    }
  }
  return 0;
}

/** The compact form of a finding the corpus tools work with. */
function compact(f) {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    messageId: f.messageId,
    entry: f.entry,
    name: f.entryName ?? '',
    field: f.location?.field ?? '',
    message: f.message,
  };
}

/**
 * Validates every corpus file (as of CORPUS_TODAY) with the given validateCatalog (from dist/ for the script,
 * from the sources in tests) and returns per file: published and read counts, kind, kind reason, findings.
 */
export async function runCorpus(validateCatalog, dir = CORPUS_DIR, options = {}) {
  const out = [];
  for (const path of corpusFiles(dir)) {
    const report = await validateCatalog(
      { path, name: basename(path) },
      { today: CORPUS_TODAY, lang: 'zh', ...options },
    );
    const file = report.files[0];
    out.push({
      file: basename(path),
      published: publishedCount(path),
      read: file.entries,
      kind: file.kind ?? null,
      kindReason: file.kindReason?.message ?? '',
      kindSource: file.kindReason?.source ?? null,
      kindEvidence: file.kindReason?.evidence ?? [],
      error: file.error?.message,
      findings: file.findings.filter((f) => f.severity !== 'info').map(compact),
      rates: file.rates,
    });
  }
  return out;
}

/** The key that joins a label to a finding: file, entry (index and name), rule, message and field. */
export function labelKey(file, f) {
  return [file, f.entry, f.name, f.ruleId, f.messageId, f.field].join('\u0001');
}

/** Reads the labeled findings (test/data/real-labels.json). */
export function readLabels(path = LABELS_FILE) {
  try {
    return JSON.parse(readFileSync(path, 'utf8')).labels;
  } catch (err) {
    if (err.code === 'ENOENT') return [];
    throw err;
  }
}

/**
 * Joins labels with the findings that still fire. Labels of findings that no longer fire drop out; the
 * joined list carries each finding's current severity.
 */
export function joinLabels(results, labels) {
  const firing = new Map();
  for (const r of results)
    for (const f of r.findings) firing.set(labelKey(r.file, f), { file: r.file, finding: f });
  const joined = [];
  for (const label of labels) {
    const hit = firing.get(labelKey(label.file, label));
    if (hit) joined.push({ ...hit, label });
  }
  return joined;
}

/** Precision per rule and overall over the joined labels. */
export function precision(joined) {
  const byRule = new Map();
  let right = 0;
  for (const { finding, label } of joined) {
    const slot = byRule.get(finding.ruleId) ?? {
      right: 0,
      total: 0,
      severity: finding.severity,
      files: new Set(),
    };
    slot.total++;
    slot.files.add(label.file);
    if (label.verdict === 'right') {
      slot.right++;
      right++;
    }
    byRule.set(finding.ruleId, slot);
  }
  return { right, total: joined.length, precision: joined.length ? right / joined.length : null, byRule };
}

const pct = (x) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)} %`);
const per = (n, d) => (d === 0 ? '—' : (n / d).toFixed(2));

/** The per-portal table (markdown). */
export function portalTable(results) {
  const lines = [
    '| portal | published | read | kind (the columns that showed it) | errors | warnings | findings / entry |',
    '| --- | ---: | ---: | --- | ---: | ---: | ---: |',
  ];
  let published = 0;
  let read = 0;
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    const e = r.findings.filter((f) => f.severity === 'error').length;
    const w = r.findings.length - e;
    published += r.published;
    read += r.read;
    errors += e;
    warnings += w;
    const why = r.kindSource === 'detected' ? r.kindEvidence.join('、') : r.kindSource;
    const kind = r.error ? `unreadable: ${r.error}` : `${r.kind} (${why})`;
    lines.push(
      `| ${r.file.replace(/\.json$/, '')} | ${r.published} | ${r.read} | ${kind} | ${e} | ${w} | ${per(e + w, r.read)} |`,
    );
  }
  lines.push(
    `| **total** | **${published}** | **${read}** | | **${errors}** | **${warnings}** | **${per(errors + warnings, read)}** |`,
  );
  return lines.join('\n');
}

/** The per-rule table (markdown): findings, per entry, severity, labeled precision. */
export function ruleTable(results, prec) {
  const entries = results.reduce((n, r) => n + r.read, 0);
  const counts = new Map();
  for (const r of results)
    for (const f of r.findings) {
      const slot = counts.get(f.ruleId) ?? { count: 0, severity: f.severity };
      slot.count++;
      counts.set(f.ruleId, slot);
    }
  const ids = new Set([...counts.keys(), ...prec.byRule.keys()]);
  const rows = [...ids].sort(
    (a, b) => (counts.get(b)?.count ?? 0) - (counts.get(a)?.count ?? 0) || a.localeCompare(b),
  );
  const lines = [
    '| rule | severity | findings | per entry | labeled | right | precision |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const id of rows) {
    const c = counts.get(id) ?? { count: 0, severity: prec.byRule.get(id)?.severity ?? '' };
    const p = prec.byRule.get(id);
    lines.push(
      `| \`${id}\` | ${c.severity} | ${c.count} | ${per(c.count, entries)} | ${p?.total ?? 0} | ${p?.right ?? 0} | ${pct(p ? p.right / p.total : null)} |`,
    );
  }
  lines.push(
    `| **all rules** | | **${[...counts.values()].reduce((n, c) => n + c.count, 0)}** | **${per(
      [...counts.values()].reduce((n, c) => n + c.count, 0),
      entries,
    )}** | **${prec.total}** | **${prec.right}** | **${pct(prec.precision)}** |`,
  );
  return lines.join('\n');
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const { validateCatalog } = await import('../dist/src/index.js');
  const dir = process.argv[2] ?? CORPUS_DIR;
  const results = await runCorpus(validateCatalog, dir);
  const joined = joinLabels(results, readLabels());
  const prec = precision(joined);
  console.log(`govcat on ${dir === CORPUS_DIR ? 'test/data/real-data' : dir} (today = ${CORPUS_TODAY})\n`);
  console.log(portalTable(results));
  console.log('\nFindings (warnings and errors) by rule, and precision on the labeled sample:\n');
  console.log(ruleTable(results, prec));
  const portals = new Set(joined.map((j) => j.file));
  console.log(
    `\nLabeled: ${prec.total} findings still firing across ${portals.size} portals; precision ${pct(prec.precision)}.`,
  );
}
