// A catalog file read a range at a time from disk (readCatalogFile) against the same bytes read whole
// (readCatalogBytes): the same catalog, for CSV in UTF-8 and GB18030 and for JSON, over several 1 MB steps.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useNodeData } from '../src/data/node.js';
import { readCatalogBytes, readCatalogFile } from '../src/io/readers/index.js';
import { createSession } from '../src/session.js';
import { encodeGb18030 } from './helpers/gb18030.js';
import { rowPerItemCsv } from './helpers/layouts.js';

useNodeData();
const session = createSession({ today: '2024-06-30' });
const options = { kind: session.kind, limits: session.limits, seeds: session.seeds };
const dir = mkdtempSync(join(tmpdir(), 'govcat-ranges-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The layout's CSV text with its data rows repeated to about `bytes` (several decode steps). */
function bigCsv(bytes: number): string {
  const text = new TextDecoder().decode(rowPerItemCsv('utf-8-bom').bytes).replace(/^\uFEFF/, '');
  const lines = text.split('\r\n');
  const header = lines.slice(0, 1);
  const data = lines.slice(1).filter((l) => l !== '');
  const out = [...header];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = data[i % data.length]!;
    out.push(line);
    size += line.length * 2;
  }
  return `${out.join('\r\n')}\r\n`;
}

async function both(name: string, bytes: Uint8Array) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const fromFile = await readCatalogFile(path, options, undefined, name);
  const whole = await readCatalogBytes({ name, bytes }, options);
  return { fromFile, whole };
}

describe('readCatalogFile reads CSV and JSON a range at a time', () => {
  const text = bigCsv(3_500_000);

  it('UTF-8 CSV', async () => {
    const { fromFile, whole } = await both('big.csv', new TextEncoder().encode(text));
    expect(fromFile.entries.length).toBeGreaterThan(1000);
    expect(fromFile).toEqual(whole);
  });

  it('GB18030 CSV (two-byte characters cut between steps)', async () => {
    const { fromFile, whole } = await both('big-gbk.csv', encodeGb18030(text));
    expect(fromFile.entries.length).toBeGreaterThan(1000);
    expect(fromFile).toEqual(whole);
  });

  it('JSON', async () => {
    const parsed = await readCatalogBytes(
      { name: 'big.csv', bytes: new TextEncoder().encode(text) },
      options,
    );
    const json = JSON.stringify({ kind: parsed.kind, entries: parsed.entries.map((e) => e.data) }, null, 1);
    const { fromFile, whole } = await both('big.json', new TextEncoder().encode(json));
    expect(fromFile.entries.length).toBe(parsed.entries.length);
    expect(fromFile).toEqual(whole);
  });
});
