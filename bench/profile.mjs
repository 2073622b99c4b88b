// Summarizes a V8 .cpuprofile (node --cpu-prof): time per pipeline stage, per function and per file.
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
// Piped into head: stop quietly when the reader goes away.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

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
  // Stage of a sample: the nearest frame up its stack that belongs to a known part of the pipeline.
  const stageOf = (id) => {
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const { url, functionName: f } = byId.get(cur).callFrame;
      if (f === '(garbage collector)') return 'garbage collection';
      if (f === '(idle)' || f === '(program)') return 'idle / program';
      if (/dist\/compile|dist\/core\.js/.test(url) && /compile|getSchema|_compileSchemaEnv/.test(f))
        return 'start-up (modules, schema compilation)';
      if (/papaparse|xlsx\.mjs|xlsx-stream|xml-scan|zip-guard|encoding|readers\/csv|node:zlib/.test(url))
        return 'reading (inflate, parse, decode)';
      if (/src\/model\//.test(url)) return 'table mapping (header, rows → entries)';
      if (
        /src\/rules\/|validators\/|schema\/validators\.cjs|ajv\/dist\/runtime/.test(url) ||
        /^validate\d+$/.test(f)
      )
        return 'rules and schema check';
      if (/src\/indicators\/|src\/report|formatters|validate\.js$/.test(url)) return 'rates and report';
      if (/node:internal\/modules|cjs\/loader/.test(url) || f === 'evaluate')
        return 'start-up (modules, schema compilation)';
    }
    return 'other';
  };
  const stages = new Map();
  for (const [id, us] of selfUs) {
    const stage = stageOf(id);
    stages.set(stage, (stages.get(stage) ?? 0) + us);
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
  process.stdout.write(`\n## time by stage\n${list(stages)}\n`);
  process.stdout.write(`\n## self time by function\n${list(self)}\n`);
  process.stdout.write(`\n## inclusive time by function\n${list(incl)}\n`);
  process.stdout.write(`\n## self time by file\n${list(files)}\n\n`);
}
