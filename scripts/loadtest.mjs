#!/usr/bin/env node
// Load test of `govcat serve` on loopback: concurrent clients post realistic catalogs and hostile files;
// meanwhile slow clients trickle their uploads a byte at a time (they must be cut with 408 and never turn the
// others away); reports throughput, latency percentiles, errors and the server's memory over time. Bounded in
// count and time.
//
//   npm run build && node scripts/loadtest.mjs [--clients 6] [--requests 600] [--duration 60]
//        [--slow-clients 6] [--slow-every 2000] [--concurrency 2] [--queue 4] [--max-body 16MB]
//        [--out bench/loadtest.md]
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { catalogJson, catalogXlsx, deepJson, garbage, zipBomb } from './lib/catalogs.mjs';

const root = new URL('../', import.meta.url);
const { values: opts } = parseArgs({
  options: {
    clients: { type: 'string', default: '6' },
    'slow-clients': { type: 'string', default: '6' },
    'slow-every': { type: 'string', default: '2000' },
    requests: { type: 'string', default: '600' },
    duration: { type: 'string', default: '60' },
    concurrency: { type: 'string', default: '2' },
    queue: { type: 'string', default: '4' },
    'max-body': { type: 'string', default: '16MB' },
    'worker-memory': { type: 'string', default: '1024' },
    out: { type: 'string' },
    seed: { type: 'string', default: '20211123' },
  },
});
const clients = Math.min(64, Math.max(1, Number(opts.clients)));
const maxRequests = Math.min(100_000, Math.max(1, Number(opts.requests)));
const maxSeconds = Math.min(900, Math.max(1, Number(opts.duration)));
const slowClients = Math.min(64, Math.max(0, Number(opts['slow-clients'])));
const slowEveryMs = Math.min(60_000, Math.max(10, Number(opts['slow-every'])));
const maxBody = /^(\d+)MB$/i.test(opts['max-body'])
  ? Number(opts['max-body'].slice(0, -2)) * 1024 ** 2
  : Number(opts['max-body']);

// ── the server ───────────────────────────────────────────────────────────────────────────────────────────
const server = spawn(
  process.execPath,
  [
    new URL('bin/govcat.js', root).pathname,
    'serve',
    '--host',
    '127.0.0.1',
    '--port',
    '0',
    '--concurrency',
    opts.concurrency,
    '--queue',
    opts.queue,
    '--max-body',
    String(maxBody),
    '--max-worker-memory',
    opts['worker-memory'],
    '--no-config',
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const serverLog = { requests: 0, outcomes: {}, events: [] };
const url = await new Promise((resolve, reject) => {
  createInterface({ input: server.stdout }).on('line', (line) => {
    const r = JSON.parse(line);
    if (r.event === 'listening') resolve(r.url);
    else if (r.event === 'request') {
      serverLog.requests++;
      serverLog.outcomes[r.outcome] = (serverLog.outcomes[r.outcome] ?? 0) + 1;
    } else serverLog.events.push(r);
  });
  server.once('exit', (code) => reject(new Error(`server exited (${code}) before listening`)));
});
if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(url))
  throw new Error(`refusing to load-test a non-loopback address: ${url}`);
const exited = new Promise((resolve) => server.once('exit', (code, signal) => resolve({ code, signal })));

// ── the payloads ─────────────────────────────────────────────────────────────────────────────────────────
const formats = await (await fetch(`${url}/v1/formats`)).json();
const inputs = new Set(formats.inputs.map((i) => i.format));
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const JSON_TYPE = 'application/json';
const payloads = [
  { kind: 'json 50 entries', body: catalogJson(50), type: JSON_TYPE, weight: 30, expect: [200], entries: 50 },
  {
    kind: 'json 1k entries',
    body: catalogJson(1000),
    type: JSON_TYPE,
    weight: 14,
    expect: [200],
    entries: 1000,
  },
  {
    kind: 'json 10k entries',
    body: catalogJson(10_000),
    type: JSON_TYPE,
    weight: 2,
    expect: [200],
    entries: 10_000,
  },
  {
    kind: 'hostile: malformed json',
    body: catalogJson(200).subarray(0, 30_000),
    type: JSON_TYPE,
    weight: 4,
    expect: [400],
  },
  { kind: 'hostile: 200k-deep nesting', body: deepJson(200_000), type: JSON_TYPE, weight: 4, expect: [400] },
  { kind: 'hostile: random bytes', body: garbage(256 * 1024), type: JSON_TYPE, weight: 4, expect: [400] },
  {
    kind: 'hostile: over --max-body',
    body: Buffer.alloc(maxBody + 1, 0x20),
    type: JSON_TYPE,
    weight: 2,
    expect: [413],
  },
  { kind: 'hostile: image/png', body: garbage(64 * 1024), type: 'image/png', weight: 3, expect: [415] },
];
if (inputs.has('xlsx')) {
  const XLSX = await import('xlsx');
  payloads.push(
    {
      kind: 'xlsx 50 entries',
      body: catalogXlsx(XLSX, 50),
      type: XLSX_TYPE,
      weight: 20,
      expect: [200],
      entries: 50,
    },
    {
      kind: 'xlsx 1k entries',
      body: catalogXlsx(XLSX, 1000),
      type: XLSX_TYPE,
      weight: 8,
      expect: [200],
      entries: 1000,
    },
    { kind: 'hostile: xlsx zip bomb (200 MB)', body: zipBomb(), type: XLSX_TYPE, weight: 3, expect: [400] },
    {
      kind: 'hostile: random bytes as xlsx',
      body: garbage(256 * 1024),
      type: XLSX_TYPE,
      weight: 3,
      expect: [400],
    },
  );
}
const totalWeight = payloads.reduce((n, p) => n + p.weight, 0);
let state = Number(opts.seed) >>> 0;
function pick() {
  state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
  let r = (state / 2 ** 32) * totalWeight;
  for (const p of payloads) {
    r -= p.weight;
    if (r < 0) return p;
  }
  return payloads[0];
}

// ── sampling the server's memory and health latency ─────────────────────────────────────────────────────
const samples = [];
const healthLatencies = [];
const t0 = performance.now();
let sampling = true;
const sampler = (async () => {
  while (sampling) {
    const t = performance.now();
    try {
      const h = await (await fetch(`${url}/healthz`)).json();
      healthLatencies.push(performance.now() - t);
      samples.push({
        s: (performance.now() - t0) / 1000,
        rss: h.memory.rss,
        running: h.workers.running,
        inflight: h.inflight,
      });
    } catch {
      healthLatencies.push(Number.POSITIVE_INFINITY);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
})();

// ── the clients ──────────────────────────────────────────────────────────────────────────────────────────
const results = [];
let sent = 0;
const deadline = t0 + maxSeconds * 1000;
async function client() {
  while (sent < maxRequests && performance.now() < deadline) {
    sent++;
    const p = pick();
    const start = performance.now();
    let status;
    let retryAfter = 0;
    try {
      const res = await fetch(
        `${url}/v1/validate?filename=${encodeURIComponent(`${p.kind}.bin`.replace(/[^\w.-]/g, '_'))}`,
        {
          method: 'POST',
          headers: { 'content-type': p.type, 'x-request-id': `load-${sent}` },
          body: p.body,
        },
      );
      await res.arrayBuffer();
      status = res.status;
      retryAfter = status === 503 ? Math.min(5, Number(res.headers.get('retry-after')) || 1) : 0;
    } catch (err) {
      status = `network: ${err.cause?.code ?? err.message}`;
    }
    results.push({ p, status, ms: performance.now() - start });
    // A well-behaved client backs off as told.
    if (retryAfter) await new Promise((r) => setTimeout(r, retryAfter * 1000));
  }
}

// ── slow senders: headers, then one byte every --slow-every ms; reconnect when cut ─────────────────────
const slowResults = [];
let slowRunning = true;
function slowUpload(i) {
  const { port } = new URL(url);
  return new Promise((resolve) => {
    let text = '';
    let trickle;
    const socket = connect(Number(port), '127.0.0.1', () => {
      socket.write(
        `POST /v1/validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${JSON_TYPE}\r\nContent-Length: 100000\r\nX-Request-Id: slow-${i}\r\n\r\n`,
      );
      trickle = setInterval(() => socket.write(' '), slowEveryMs);
    });
    const stop = setInterval(() => {
      if (!slowRunning) socket.destroy();
    }, 200);
    socket.on('data', (d) => {
      text += d.toString('latin1');
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(trickle);
      clearInterval(stop);
      resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]) || (slowRunning ? 'closed' : 'run over'));
    });
  });
}
async function slowClient(i) {
  while (slowRunning) {
    const start = performance.now();
    const status = await slowUpload(i);
    if (status !== 'run over') slowResults.push({ status, ms: performance.now() - start });
  }
}
const slow = Array.from({ length: slowClients }, (_, i) => slowClient(i));
await Promise.all(Array.from({ length: clients }, client));
slowRunning = false;
await Promise.all(slow);
const wall = (performance.now() - t0) / 1000;
sampling = false;
await sampler;

const finalHealth = await fetch(`${url}/healthz`).then(
  (r) => r.json(),
  () => null,
);
let peakRss = null;
try {
  const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
  peakRss = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]) * 1024;
} catch {}
server.kill('SIGTERM');
const exit = await exited;

// ── the report ───────────────────────────────────────────────────────────────────────────────────────────
const pct = (xs, q) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((q / 100) * s.length) - 1)];
};
const ms = (x) => (Number.isFinite(x) ? `${Math.round(x)}` : '—');
const mb = (x) => (x == null ? '—' : `${(x / 1024 ** 2).toFixed(0)}`);
const shed = results.filter((r) => r.status === 503);
const unexpected = results.filter((r) => r.status !== 503 && !r.p.expect.includes(r.status));
const slowUnexpected = slowResults.filter((r) => r.status !== 408 && r.status !== 503);
const served = results.filter((r) => r.status !== 503);
const entries = results.filter((r) => r.status === 200).reduce((n, r) => n + (r.p.entries ?? 0), 0);
const bytes = results.filter((r) => r.status !== 503).reduce((n, r) => n + r.p.body.length, 0);

const lines = [];
lines.push(
  `Load test: ${results.length} requests from ${clients} clients${slowClients ? ` and ${slowClients} slow senders (one byte every ${slowEveryMs / 1000} s)` : ''} in ${wall.toFixed(1)} s against \`govcat serve --concurrency ${opts.concurrency} --queue ${opts.queue} --max-body ${opts['max-body']}\` (Node ${process.version}, ${availableParallelism()} cores; inputs: ${[...inputs].join(', ')}).`,
  '',
  '| payload | size | sent | statuses | p50 ms | p99 ms |',
  '|---|---:|---:|---|---:|---:|',
);
for (const p of payloads) {
  const rs = results.filter((r) => r.p === p);
  if (rs.length === 0) continue;
  const counts = new Map();
  for (const r of rs) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const statuses = [...counts].map(([s, n]) => `${s}×${n}`).join(' ');
  const answered = rs.filter((r) => r.status !== 503).map((r) => r.ms);
  const size =
    p.body.length >= 1024 ** 2
      ? `${(p.body.length / 1024 ** 2).toFixed(1)} MB`
      : `${Math.round(p.body.length / 1024)} KB`;
  lines.push(
    `| ${p.kind} | ${size} | ${rs.length} | ${statuses} | ${ms(pct(answered, 50))} | ${ms(pct(answered, 99))} |`,
  );
}
const all = served.map((r) => r.ms);
lines.push(
  '',
  '| measure | value |',
  '|---|---|',
  `| throughput | ${(served.length / wall).toFixed(1)} requests/s, ${(bytes / 1024 ** 2 / wall).toFixed(1)} MB/s uploaded, ${Math.round(entries / wall)} entries/s validated |`,
  `| latency, all answered requests | p50 ${ms(pct(all, 50))} ms, p99 ${ms(pct(all, 99))} ms, max ${ms(Math.max(...all))} ms |`,
  `| GET /healthz during the run | p50 ${ms(pct(healthLatencies, 50))} ms, p99 ${ms(pct(healthLatencies, 99))} ms, max ${ms(Math.max(...healthLatencies))} ms (${healthLatencies.length} probes) |`,
  `| unexpected answers (wrong status, network errors, 5xx) | ${unexpected.length}${unexpected.length ? `: ${[...new Set(unexpected.map((r) => `${r.p.kind} → ${r.status}`))].join('; ')}` : ''} |`,
  `| shed with 503 (queue full; the client waits Retry-After, then goes on) | ${shed.length} |`,
  `| slow senders (${slowClients} clients trickling, reconnecting when cut; 408 while read, 503 when refused at the headers) | ${slowResults.length} uploads: ${[...slowResults.reduce((m, r) => m.set(r.status, (m.get(r.status) ?? 0) + 1), new Map())].map(([s, n]) => `${s}×${n}`).join(' ') || '—'}; connection closed after p50 ${ms(
    pct(
      slowResults.map((r) => r.ms),
      50,
    ),
  )} ms, max ${ms(Math.max(...slowResults.map((r) => r.ms)))} ms |`,
  `| server RSS (MiB): start / max sampled / end / peak (VmHWM) | ${mb(samples[0]?.rss)} / ${mb(Math.max(...samples.map((s) => s.rss)))} / ${mb(samples.at(-1)?.rss)} / ${mb(peakRss)} |`,
  `| survived | ${finalHealth?.status === 'ok' ? 'yes: /healthz ok after the run' : 'NO'}; SIGTERM → exit ${exit.code ?? exit.signal}; ${serverLog.requests} request log lines |`,
);
const rssOverTime = [];
const step = Math.max(1, Math.floor(samples.length / 12));
for (let i = 0; i < samples.length; i += step)
  rssOverTime.push(`${samples[i].s.toFixed(0)} s: ${mb(samples[i].rss)}`);
lines.push('', `RSS over time (MiB): ${rssOverTime.join(' · ')}`);
const text = `${lines.join('\n')}\n`;
process.stdout.write(text);
if (opts.out) writeFileSync(opts.out, text);
process.exitCode =
  unexpected.length === 0 && slowUnexpected.length === 0 && finalHealth?.status === 'ok' && exit.code === 0
    ? 0
    : 1;
