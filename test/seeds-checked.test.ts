// The seeds the build validated (dist/…/precompiled/seeds-checked.json, scripts/gen-validators.mjs): a run of the
// built package parses a seed whose text the build validated without checking it again. The record must match
// seeds/ as it is now (a seed edited without a rebuild fails here), and a seed whose text is not the one recorded
// is still checked at run time.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
const records = [
  join(dist, 'src', 'schema', 'precompiled', 'seeds-checked.json'),
  join(dist, 'cli', 'precompiled', 'seeds-checked.json'),
];
const temp: string[] = [];
afterAll(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

function seedFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const name = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return seedFiles(name);
    return entry.name.endsWith('.json') ? [name] : [];
  });
}

/** What the record should say: every seed naming a $schema, with that schema's $id and its text. */
function expected(): Record<string, { schema: string; text: string }> {
  const out: Record<string, { schema: string; text: string }> = {};
  for (const name of seedFiles('seeds').sort()) {
    const text = readFileSync(join(root, name), 'utf8');
    const schemaRef = (JSON.parse(text) as { $schema?: unknown }).$schema;
    if (typeof schemaRef !== 'string') continue;
    const schema = JSON.parse(readFileSync(join(dirname(join(root, name)), schemaRef), 'utf8')).$id;
    out[name] = { schema, text };
  }
  return out;
}

/** The built modules (the record is only read by the build's data source, not from the sources). */
async function built() {
  const node = (await import(
    pathToFileURL(join(dist, 'src', 'data', 'node.js')).href
  )) as typeof import('../src/data/node.js');
  const seeds = (await import(
    pathToFileURL(join(dist, 'src', 'seeds', 'index.js')).href
  )) as typeof import('../src/seeds/index.js');
  const ruleData = (await import(
    pathToFileURL(join(dist, 'src', 'seeds', 'rule-data.js')).href
  )) as typeof import('../src/seeds/rule-data.js');
  const ajv = (await import(
    pathToFileURL(join(dist, 'src', 'schema', 'ajv.js')).href
  )) as typeof import('../src/schema/ajv.js');
  return { ...node, ...seeds, ...ruleData, ...ajv };
}

/** A copy of seeds/ and schemas/ in a folder of its own, for a data source over edited seeds. */
function packageCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'govcat-seeds-'));
  temp.push(dir);
  cpSync(join(root, 'seeds'), join(dir, 'seeds'), { recursive: true });
  cpSync(join(root, 'schemas'), join(dir, 'schemas'), { recursive: true });
  return dir;
}

describe('seeds validated by the build', () => {
  it('the record names every seed with its schema and its current text (else: npm run build)', () => {
    const want = expected();
    expect(Object.keys(want).length).toBeGreaterThan(10);
    for (const file of records) {
      expect(existsSync(file), `${file} (npm run build)`).toBe(true);
      expect(JSON.parse(readFileSync(file, 'utf8')).files, 'seeds/ changed since the build').toEqual(want);
    }
  });

  it('each recorded seed passes its schema at run time too, and the data source trusts exactly those texts', async () => {
    const m = await built();
    const source = m.useNodeData();
    for (const [name, { schema }] of Object.entries(expected())) {
      const text = source.read(name)!;
      expect(m.getValidator(schema)(JSON.parse(text)), name).toBe(true);
      expect(source.checked?.(name, schema, text), name).toBe(true);
      // another text, or the same text against another schema, is not what the build checked
      expect(source.checked?.(name, schema, `${text} `), name).toBe(false);
      expect(source.checked?.(name, `${schema}#other`, text), name).toBe(false);
    }
  });

  it('a seed edited after the build is checked at run time: a bad vocabulary or region list still fails', async () => {
    const m = await built();
    m.useNodeData();
    const good = packageCopy();
    expect(m.loadSeeds({}, m.nodeDataSource(good)).vocabularies.size).toBeGreaterThan(0);

    const badVocabulary = packageCopy();
    const vocab = join(badVocabulary, 'seeds', 'vocabularies', 'share-type.json');
    const data = JSON.parse(readFileSync(vocab, 'utf8'));
    data.terms = 'not a list';
    writeFileSync(vocab, JSON.stringify(data, null, 2));
    expect(() => m.loadSeeds({}, m.nodeDataSource(badVocabulary))).toThrow(/share-type\.json.*terms/);

    const badRegions = packageCopy();
    const regionFile = join(badRegions, 'seeds', 'regions', 'guangxi.json');
    const regions = JSON.parse(readFileSync(regionFile, 'utf8'));
    regions.unexpected = true;
    writeFileSync(regionFile, JSON.stringify(regions));
    expect(() => m.loadRuleData(m.nodeDataSource(badRegions))).toThrow(/guangxi\.json/);
  });
});

describe('no configuration', () => {
  it('the empty configuration the run skips checking is one the schema accepts', async () => {
    const m = await built();
    m.useNodeData();
    expect(m.getValidator(m.SCHEMA_IDS.config)({})).toBe(true);
  });
});
