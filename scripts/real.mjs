// Runs govcat over the real-portal corpus (`npm run real [folder]`): entries published and read, the kind and
// why, findings per entry by rule, and the precision of the rules on the labeled sample of findings.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The vendored corpus and the labeled findings. */
export const CORPUS_DIR = join(root, 'test', 'data', 'real-data');
export const LABELS_FILE = join(root, 'test', 'data', 'real-labels.json');

/**
 * Each portal is judged as of the day it was crawled (June 2023), so dates and staleness do not depend on the
 * day the script runs: the latest date any of its entries carries (a portal export has no crawl date; daily
 * resources were updated that day). CORPUS_TODAY is the fallback for a file that carries no date.
 */
export const CORPUS_TODAY = '2023-06-18';

const WHOLE_DATE = /^(\d{4}-\d{2}-\d{2})(?:[ T][\d:.]+)?$/;

/** The day a portal export was taken: the latest date that is a whole value of one of its records. */
export function snapshotDay(path) {
  let latest = '';
  const visit = (node) => {
    if (typeof node === 'string') {
      const m = WHOLE_DATE.exec(node.trim());
      if (m && m[1] > latest && m[1] <= CORPUS_TODAY) latest = m[1];
    } else if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') Object.values(node).forEach(visit);
  };
  visit(JSON.parse(readFileSync(path, 'utf8')));
  return latest || CORPUS_TODAY;
}

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
 * Validates every corpus file (as of the day it was crawled) with the given validateCatalog (from dist/ for the script,
 * from the sources in tests) and returns per file: published and read counts, kind, kind reason, findings.
 */
export async function runCorpus(validateCatalog, dir = CORPUS_DIR, options = {}) {
  const out = [];
  for (const path of corpusFiles(dir)) {
    const today = snapshotDay(path);
    const report = await validateCatalog({ path, name: basename(path) }, { today, lang: 'zh', ...options });
    const file = report.files[0];
    out.push({
      file: basename(path),
      today,
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

/** A small seeded generator (mulberry32), so a sample can be drawn again. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Draws findings to label: every rule that fires gets a share (22 plus its weight in the whole, or all of
 * its findings when fewer), taken round-robin across the portals it fires on, seeded so the draw repeats.
 * Findings already labeled are skipped.
 */
export function sampleFindings(results, labels = [], { seed = 20230618, base = 22, spread = 80 } = {}) {
  const next = random(seed);
  const labeled = new Set(labels.map((l) => labelKey(l.file, l)));
  const byRule = new Map();
  let total = 0;
  for (const r of results)
    for (const f of r.findings) {
      total++;
      if (labeled.has(labelKey(r.file, f))) continue;
      const portals = byRule.get(f.ruleId) ?? new Map();
      const list = portals.get(r.file) ?? [];
      list.push(f);
      portals.set(r.file, list);
      byRule.set(f.ruleId, portals);
    }
  const out = [];
  for (const [, portals] of [...byRule].sort(([a], [b]) => a.localeCompare(b))) {
    const count = [...portals.values()].reduce((n, l) => n + l.length, 0);
    let quota = Math.min(count, base + Math.round((spread * count) / total));
    // Portals in a seeded random order (Fisher–Yates), then one finding from each in turn.
    const files = [...portals.keys()].sort();
    for (let i = files.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [files[i], files[j]] = [files[j], files[i]];
    }
    while (quota > 0) {
      for (const file of files) {
        const list = portals.get(file);
        if (quota === 0 || list.length === 0) continue;
        const [f] = list.splice(Math.floor(next() * list.length), 1);
        out.push({ file, ...f });
        quota--;
      }
    }
  }
  return out;
}

/**
 * Staleness recall: of the corpus entries older than twice their own cycle (as of their crawl day), the share
 * dataset/stale-update flags. `lib` holds createSession, readSource and the staleness helpers (from dist/ or
 * the sources).
 */
export async function staleRecall(lib, results, dir = CORPUS_DIR) {
  let old = 0;
  let flagged = 0;
  for (const r of results) {
    const session = lib.createSession({ today: r.today });
    const today = lib.dayNumber(r.today);
    const parsed = await lib.readSource(join(dir, r.file), session);
    const stale = new Set(r.findings.filter((f) => f.ruleId === 'dataset/stale-update').map((f) => f.entry));
    for (const e of parsed.entries) {
      const cycle = lib.cycleOf(session.seeds, e.data);
      const last = lib.lastUpdateOf(e.data);
      if (!cycle || last === undefined) continue;
      if (today <= lib.addCycle(lib.addCycle(last, cycle.unit), cycle.unit)) continue;
      old++;
      if (stale.has(e.index)) flagged++;
    }
  }
  return { old, flagged, recall: old === 0 ? null : flagged / old };
}

const pct = (x) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)} %`);
const per = (n, d) => (d === 0 ? '—' : (n / d).toFixed(2));

/** The per-portal table (markdown). */
export function portalTable(results) {
  const lines = [
    '| portal | published | read | kind (the columns that showed it) | as of | errors | warnings | findings / entry |',
    '| --- | ---: | ---: | --- | --- | ---: | ---: | ---: |',
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
      `| ${r.file.replace(/\.json$/, '')} | ${r.published} | ${r.read} | ${kind} | ${r.today} | ${e} | ${w} | ${per(e + w, r.read)} |`,
    );
  }
  lines.push(
    `| **total** | **${published}** | **${read}** | | | **${errors}** | **${warnings}** | **${per(errors + warnings, read)}** |`,
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
  const sampling = process.argv.includes('--sample');
  const dir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? CORPUS_DIR;
  const results = await runCorpus(validateCatalog, dir);
  if (sampling) {
    // Candidates to label, as JSON (npm run real -- --sample > candidates.json).
    console.log(JSON.stringify(sampleFindings(results, readLabels()), null, 1));
    process.exit(0);
  }
  const joined = joinLabels(results, readLabels());
  const prec = precision(joined);
  const { createSession, readSource } = await import('../dist/src/validate.js');
  const staleness = await import('../dist/src/rules/helpers/staleness.js');
  const stale = await staleRecall({ createSession, readSource, ...staleness }, results, dir);
  const portals = new Set(joined.map((j) => j.file));
  const closing = [
    `Labeled: ${prec.total} findings still firing across ${portals.size} portals; precision ${pct(prec.precision)}.`,
    `Staleness: ${stale.flagged} of the ${stale.old} entries older than twice their own cycle are flagged (recall ${pct(stale.recall)}).`,
  ].join('\n');
  if (process.argv.includes('--readme')) {
    // npm run real -- --readme: the tables between the README markers, as this run printed them.
    const file = join(root, 'README.md');
    const readme = readFileSync(file, 'utf8');
    const start = '<!-- real:start -->';
    const end = '<!-- real:end -->';
    const a = readme.indexOf(start);
    const b = readme.indexOf(end);
    if (a < 0 || b < a) throw new Error('README.md has no real-data markers');
    const body = `${portalTable(results)}\n\n${ruleTable(results, prec)}\n\n${closing.replace(/\n/g, '\n\n')}\n`;
    writeFileSync(file, `${readme.slice(0, a + start.length)}\n${body}${readme.slice(b)}`);
    console.log('README.md real-data tables updated');
    process.exit(0);
  }
  console.log(
    `govcat on ${dir === CORPUS_DIR ? 'test/data/real-data' : dir}, each portal as of the day it was crawled (its latest date)\n`,
  );
  console.log(portalTable(results));
  console.log('\nFindings (warnings and errors) by rule, and precision on the labeled sample:\n');
  console.log(ruleTable(results, prec));
  console.log(`\n${closing}`);
}
