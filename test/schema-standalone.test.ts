// Precompiled (standalone) validators answer exactly as the validators Ajv compiles at run time.
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAjv, optionSchemaKey, SCHEMA_IDS, type SchemaObject, schemaIds } from '../src/schema/ajv.js';
import { standaloneValidatorFiles, standaloneValidators } from '../src/schema/standalone.js';
import { rules } from '../validators/index.js';
import { sharedFixture } from './helpers/catalog-data.js';

type Validate = ((data: unknown) => boolean) & { errors?: unknown };

const optionSchemas = rules.map((r) => r.meta.options).filter((o): o is SchemaObject => o !== undefined);
const code = standaloneValidators(optionSchemas);
const mod: Record<string, unknown> & { keys: Record<string, string> } = { keys: {} };
new Function('exports', 'require', code)(mod, createRequire(import.meta.url));
const runtime = createAjv();

/** The per-validator modules behind their index, loaded with a require that resolves `./name.cjs` among them. */
function loadFiles(
  files: Record<string, string>,
): Record<string, unknown> & { keys: Record<string, string> } {
  const loaded = new Map<string, Record<string, unknown>>();
  const nodeRequire = createRequire(import.meta.url);
  const load = (file: string): Record<string, unknown> => {
    let exports = loaded.get(file);
    if (exports) return exports;
    exports = {};
    loaded.set(file, exports);
    const req = (id: string) => (id.startsWith('./') ? load(id.slice(2)) : nodeRequire(id));
    new Function('exports', 'require', files[file] as string)(exports, req);
    return exports;
  };
  return load('index.cjs') as Record<string, unknown> & { keys: Record<string, string> };
}

function both(key: string, schema?: SchemaObject): [Validate, Validate] {
  const name = mod.keys[key];
  if (!name) throw new Error(`no precompiled validator for ${key}`);
  const compiled = (schema ? runtime.compile(schema) : runtime.getSchema(key)) as Validate;
  return [mod[name] as Validate, compiled];
}

function same(pre: Validate, rt: Validate, data: unknown): void {
  const a = pre(data);
  const b = rt(data);
  expect(a).toBe(b);
  expect(pre.errors ?? null).toEqual(rt.errors ?? null);
}

const scalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', ' ', '2021-07-13', '2021-02-30', '1', '无条件共享', 'C(18)', '每日'),
  fc.integer({ min: -5, max: 5 }),
  fc.boolean(),
  fc.constant(null),
);
const entryLike = fc.dictionary(
  fc.constantFrom(
    'name',
    'code',
    'provider',
    'providerCode',
    'summary',
    'format',
    'items',
    'share',
    'open',
    'updateCycle',
    'publishDate',
    'relatedCodes',
    'recordCount',
    'extra',
    'bogus',
  ),
  fc.oneof(
    scalar,
    fc.array(scalar, { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('type', 'condition', 'method', 'open', 'name', 'fieldName'), scalar),
    fc.array(fc.dictionary(fc.constantFrom('name', 'type', 'fieldName', 'x'), scalar), { maxLength: 3 }),
  ),
);

describe('standalone validators', () => {
  it('cover every schema and every rule option schema', () => {
    for (const id of schemaIds()) expect(mod.keys[id], id).toBeDefined();
    for (const s of optionSchemas) expect(mod.keys[optionSchemaKey(s)]).toBeDefined();
  });

  it('one module per validator: the same keys, each export answering as the single module', () => {
    const files = standaloneValidatorFiles(optionSchemas);
    const split = loadFiles(files);
    expect(split.keys).toEqual(mod.keys);
    // every schema's export has its own module, the rule options share one, and the index loads none until asked
    for (const name of Object.values(mod.keys))
      expect(files[name.startsWith('o') ? 'options.cjs' : `${name}.cjs`], name).toBeDefined();
    expect(Object.keys(files).filter((f) => /^o\d+\.cjs$/.test(f))).toEqual([]);
    const [, rt] = both(SCHEMA_IDS.sharedEntry);
    const pre = split[split.keys[SCHEMA_IDS.sharedEntry] as string] as Validate;
    for (const e of sharedFixture()) {
      same(pre, rt, e);
      same(pre, rt, { ...e, publishDate: '2021-02-30', share: { type: 4 }, items: [{ type: '' }] });
    }
    fc.assert(
      fc.property(entryLike, (data) => same(pre, rt, data)),
      { numRuns: 500 },
    );
    for (const [key, name] of Object.entries(mod.keys)) {
      const one = split[name] as Validate;
      const all = mod[name] as Validate;
      for (const data of [{}, { kind: 'open' }, 'not an object', { bogus: true }, []]) same(one, all, data);
      expect(typeof one, key).toBe('function');
    }
  });

  it('give the same verdict and errors on catalog entries (fixture, damaged, random)', () => {
    for (const id of [SCHEMA_IDS.sharedEntry, SCHEMA_IDS.openEntry]) {
      const [pre, rt] = both(id);
      for (const e of sharedFixture()) {
        same(pre, rt, e);
        same(pre, rt, {
          ...e,
          publishDate: '2021-02-30',
          share: { type: 4 },
          items: [{ type: '' }],
          extra: 1,
        });
      }
      fc.assert(
        fc.property(entryLike, (data) => same(pre, rt, data)),
        { numRuns: 1500 },
      );
    }
  });

  it('give the same answers for the configuration, seeds and rule option schemas', () => {
    const [preConfig, rtConfig] = both(SCHEMA_IDS.config);
    for (const data of [
      {},
      { kind: 'open' },
      { kind: 'x' },
      { rules: { 'code/unique': 'warn' } },
      { limits: { maxRows: -1 } },
    ])
      same(preConfig, rtConfig, data);
    const [preVocab, rtVocab] = both(SCHEMA_IDS.vocabulary);
    same(preVocab, rtVocab, { id: 'x', title: 't', basis: 'b', terms: [{ value: 1 }] });
    same(preVocab, rtVocab, { id: 'x', terms: 'no' });
    for (const rule of rules) {
      const schema = rule.meta.options;
      if (!schema) continue;
      const [pre, rt] = both(optionSchemaKey(schema), schema);
      same(pre, rt, rule.meta.defaultOptions ?? {});
      same(pre, rt, { bogus: true });
      same(pre, rt, 'not an object');
    }
  });
});
