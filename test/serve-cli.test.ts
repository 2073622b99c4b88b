// `govcat serve` as a real process: JSON log lines, loopback by default, usage errors, graceful SIGTERM.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { catalogJson } from '../scripts/lib/catalogs.mjs';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'govcat.js');

interface Running {
  child: ChildProcess;
  url: string;
  records: Record<string, unknown>[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `govcat serve --port 0 …` and waits for its listening record. */
async function serve(...args: string[]): Promise<Running> {
  return serveWith({}, ...args);
}

/** As serve(), with extra environment variables. */
async function serveWith(env: Record<string, string>, ...args: string[]): Promise<Running> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', ...args], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1', GOVCAT_TOKEN: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const records: Record<string, unknown>[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const record = JSON.parse(line) as Record<string, unknown>;
      records.push(record);
      if (record.event === 'listening') resolve(record.url as string);
    });
    let stderr = '';
    child.stderr!.on('data', (d) => {
      stderr += d;
    });
    void exited.then(() => reject(new Error(`serve exited before listening: ${stderr}`)));
  });
  return { child, url, records, exited };
}

describe('govcat serve (process)', () => {
  it('listens on 127.0.0.1 by default and logs one JSON line per request', async () => {
    const s = await serve('--concurrency', '1', '--queue', '1');
    try {
      expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(s.records[0]).toMatchObject({ event: 'listening', concurrency: 1, queue: 1, maxBody: 52428800 });
      const r = await fetch(`${s.url}/v1/validate?filename=南宁.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: catalogJson(20),
      });
      expect(r.status).toBe(200);
      expect((await r.json()).files[0].entries).toBe(20);
      await new Promise((r) => setTimeout(r, 50));
      const request = s.records.find((l) => l.event === 'request');
      expect(request).toMatchObject({
        method: 'POST',
        status: 200,
        entries: 20,
        outcome: expect.any(String),
      });
    } finally {
      s.child.kill('SIGTERM');
      await s.exited;
    }
  });

  it('finishes the request in progress on SIGTERM, refuses new ones, and exits 0', async () => {
    const s = await serve('--concurrency', '1');
    const inFlight = fetch(`${s.url}/v1/validate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: catalogJson(4000),
    });
    // Wait until the worker is busy with it.
    for (;;) {
      const h = await (await fetch(`${s.url}/healthz`)).json();
      if (h.workers.running === 1) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    s.child.kill('SIGTERM');
    while (!s.records.some((l) => l.event === 'shutdown')) await new Promise((r) => setTimeout(r, 10));
    const during = await fetch(`${s.url}/healthz`).then(
      (r) => r.status,
      () => 'refused',
    );
    expect(['refused', 503]).toContain(during);
    const r = await inFlight;
    expect(r.status).toBe(200);
    expect((await r.json()).files[0].entries).toBe(4000);
    const { code } = await s.exited;
    expect(code).toBe(0);
    const events = s.records.map((l) => l.event);
    expect(events).toEqual(expect.arrayContaining(['listening', 'shutdown', 'closed']));
    expect(events.indexOf('shutdown')).toBeLessThan(events.lastIndexOf('request'));
    expect(s.records.find((l) => l.event === 'closed')).toMatchObject({ forced: false });
    await expect(fetch(`${s.url}/healthz`)).rejects.toThrow();
  });

  it('exits 2 with one line on a bad option or a port in use', async () => {
    const bad = spawnSync(process.execPath, [bin, 'serve', '--max-body', 'lots'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('“lots”不是有效的大小');
    const s = await serve('--concurrency', '1');
    try {
      const port = new URL(s.url).port;
      const busy = spawnSync(process.execPath, [bin, 'serve', '--port', port, '--concurrency', '1'], {
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(busy.status).toBe(2);
      expect(busy.stderr.trim()).toBe(`govcat：无法在 127.0.0.1:${port} 上监听：EADDRINUSE`);
    } finally {
      s.child.kill('SIGTERM');
      await s.exited;
    }
  });

  it('takes the token from GOVCAT_TOKEN or --token, the latter winning, and keeps /healthz open', async () => {
    const post = (url: string, headers: Record<string, string> = {}) =>
      fetch(`${url}/v1/validate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: catalogJson(2),
      }).then(async (r) => [r.status, (await r.json()).error?.code ?? 'ok']);
    const s = await serveWith({ GOVCAT_TOKEN: 'from-the-environment-0123456789' }, '--concurrency', '1');
    try {
      expect(s.records[0]).toMatchObject({ event: 'listening', token: true });
      expect(JSON.stringify(s.records)).not.toContain('from-the-environment');
      expect(await post(s.url)).toEqual([401, 'service/unauthorized']);
      expect(await post(s.url, { authorization: 'Bearer from-the-environment-0123456789' })).toEqual([
        200,
        'ok',
      ]);
      expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
    } finally {
      s.child.kill('SIGTERM');
      await s.exited;
    }
    const t = await serveWith(
      { GOVCAT_TOKEN: 'from-the-environment-0123456789' },
      '--concurrency',
      '1',
      '--token',
      'from-the-option-0123456789',
      '--allowed-host',
      'govcat.intranet',
    );
    try {
      expect(await post(t.url, { authorization: 'Bearer from-the-environment-0123456789' })).toEqual([
        401,
        'service/unauthorized',
      ]);
      expect(await post(t.url, { authorization: 'Bearer from-the-option-0123456789' })).toEqual([200, 'ok']);
    } finally {
      t.child.kill('SIGTERM');
      await t.exited;
    }
  });
});
