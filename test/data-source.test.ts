// The data source: the bundled copy of seeds/ and schemas/ is current and reads as the package folder does, and a
// run through the browser entry (bundled data) gives the report the Node adapters give.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useBundledData } from '../src/browser.js';
import { bundledDataSource } from '../src/data/bundled.js';
import { nodeDataSource, useNodeData } from '../src/data/node.js';
import { dataSource, setDataSource } from '../src/data/source.js';
import { runPipeline } from '../src/pipeline.js';
import { createSession } from '../src/session.js';

const root = join(import.meta.dirname, '..');

afterEach(() => {
  useNodeData();
});

describe('data sources', () => {
  it('src/data/bundled-files.ts is current (npm run gen:data)', () => {
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'gen-data.mjs'), '--check'], {
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('the bundled source lists and reads every file the package folder holds, with the same content', () => {
    const disk = nodeDataSource();
    const bundled = bundledDataSource();
    for (const [folder, deep] of [
      ['schemas', true],
      ['seeds/profiles', false],
      ['seeds/vocabularies', false],
      ['seeds/regions', false],
      ['seeds', false],
    ] as const) {
      const names = disk.list(folder, deep);
      expect(names.length).toBeGreaterThan(0);
      expect(bundled.list(folder, deep)).toEqual(names);
      for (const name of names) expect(JSON.parse(bundled.read(name)!)).toEqual(JSON.parse(disk.read(name)!));
    }
    expect(bundled.read('seeds/none.json')).toBeUndefined();
    expect(disk.read('seeds/none.json')).toBeUndefined();
  });

  it('says clearly when no source is installed', () => {
    setDataSource(undefined as never);
    expect(() => dataSource()).toThrow(/no data source installed/);
  });

  it('validates an example the same with the bundled data as with the package folder', async () => {
    const name = 'examples/nanning-shared-catalog.json';
    const bytes = new Uint8Array(readFileSync(join(root, name)));
    const run = async () =>
      (await runPipeline([{ name, bytes }], { session: createSession({ today: '2024-06-30' }) })).report;
    useNodeData();
    const fromDisk = await run();
    useBundledData();
    const fromBundle = await run();
    expect(fromBundle).toEqual(fromDisk);
    expect(fromDisk.summary.errors + fromDisk.summary.warnings).toBeGreaterThan(0);
  });
});
