// Summarizes a V8 .cpuprofile (node --cpu-prof): self and inclusive time per function and self time per file.
//
//   node --cpu-prof --cpu-prof-dir=prof bin/govcat.js validate bench/out/catalog-20000.xlsx -f json -o r.json
//   node bench/profile.mjs prof/*.cpuprofile [--top 25]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' } },
});
const top = Number(values.top);

for (const file of positionals) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map();
  const deltas = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    selfUs.set(id, (selfUs.get(id) ?? 0) + (deltas[i] ?? 0));
  }
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const short = (url) => url.replace(/^.*\/(node_modules\/[^/]+|dist|src|validators)\//, '$1/');
  const label = (n) =>
    `${n.callFrame.functionName || '(anonymous)'} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  const self = new Map();
  const incl = new Map();
  const files = new Map();
  for (const [id, us] of selfUs) {
    const n = byId.get(id);
    const key = label(n);
    self.set(key, (self.get(key) ?? 0) + us);
    const f = short(n.callFrame.url) || `(${n.callFrame.functionName})`;
    files.set(f, (files.get(f) ?? 0) + us);
    // Inclusive: each distinct function on the stack once.
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const k = label(byId.get(cur));
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + us);
    }
  }
  const pct = (us) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
  const ms = (us) => `${Math.round(us / 1000)} ms`.padStart(9);
  const list = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `${ms(us)} ${pct(us)}  ${k}`)
      .join('\n');
  process.stdout.write(`# ${file}: ${Math.round(total / 1000)} ms sampled\n`);
  process.stdout.write(`\n## self time by function\n${list(self)}\n`);
  process.stdout.write(`\n## inclusive time by function\n${list(incl)}\n`);
  process.stdout.write(`\n## self time by file\n${list(files)}\n\n`);
}
