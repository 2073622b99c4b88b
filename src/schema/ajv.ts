// The only place that constructs Ajv: every schema in schemas/ is loaded once (from the data source), compiled
// lazily, cached by $id. A built package validates with the precompiled validators; the Ajv compiler (which the
// data source loads) is needed only when a schema has no precompiled validator (from sources, the build step).
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { type DataSource, dataSource, PerSource, type PrecompiledValidators } from '../data/source.js';

/** Base of every govcat schema $id. */
export const SCHEMA_BASE = 'https://govcat.dev/schemas/';

/** Short names of the schemas used in code. */
export const SCHEMA_IDS = {
  catalog: `${SCHEMA_BASE}catalog.schema.json`,
  entry: `${SCHEMA_BASE}entry.schema.json`,
  sharedEntry: `${SCHEMA_BASE}shared-entry.schema.json`,
  openEntry: `${SCHEMA_BASE}open-entry.schema.json`,
  dataItem: `${SCHEMA_BASE}data-item.schema.json`,
  report: `${SCHEMA_BASE}report.schema.json`,
  config: `${SCHEMA_BASE}config.schema.json`,
  lock: `${SCHEMA_BASE}lock.schema.json`,
  vocabulary: `${SCHEMA_BASE}seeds/vocabulary.schema.json`,
  classificationTree: `${SCHEMA_BASE}seeds/classification-tree.schema.json`,
  headerAliases: `${SCHEMA_BASE}seeds/header-aliases.schema.json`,
  scoringProfile: `${SCHEMA_BASE}seeds/scoring-profile.schema.json`,
  indicatorInputs: `${SCHEMA_BASE}seeds/indicator-inputs.schema.json`,
  ruleOptions: `${SCHEMA_BASE}seeds/rule-options.schema.json`,
  template: `${SCHEMA_BASE}seeds/template.schema.json`,
  jobs: `${SCHEMA_BASE}seeds/jobs.schema.json`,
  assessment: `${SCHEMA_BASE}assessment.schema.json`,
  diff: `${SCHEMA_BASE}diff.schema.json`,
} as const;

/** A JSON Schema object as loaded from disk. */
export type SchemaObject = Record<string, unknown>;

/** What one data source's schemas come to: the raw schemas, an Ajv instance, the validators made so far. */
interface SchemaState {
  /** Parsed on first use: a run on the precompiled validators never needs the schema files. */
  raw: Map<string, SchemaObject> | undefined;
  /** Schemas read one by one (by the file their $id names) before all were needed. */
  single: Map<string, SchemaObject> | undefined;
  source: DataSource;
  ajv: Ajv2020 | undefined;
  compiled: Map<string, ValidateFunction>;
  precompiled: PrecompiledValidators | null | undefined;
}

const states = new PerSource<SchemaState>();

function state(source: DataSource = dataSource()): SchemaState {
  return states.get(source, () => ({
    raw: undefined,
    single: undefined,
    source,
    ajv: undefined,
    compiled: new Map(),
    precompiled: undefined,
  }));
}

/** Every schema in schemas/ by $id, parsed once per data source (on first use). */
function rawSchemas(): Map<string, SchemaObject> {
  const st = state();
  st.raw ??= loadRawSchemas(st.source);
  return st.raw;
}

/** Every schema in schemas/ by $id. */
function loadRawSchemas(source: DataSource): Map<string, SchemaObject> {
  const out = new Map<string, SchemaObject>();
  for (const name of source.list('schemas', true)) {
    if (!name.endsWith('.schema.json')) continue;
    const schema = JSON.parse(source.read(name) ?? 'null') as SchemaObject;
    const id = schema.$id;
    if (typeof id !== 'string') throw new Error(`schema without $id: ${source.where(name)}`);
    out.set(id, schema);
  }
  return out;
}

/**
 * A new Ajv instance with govcat's options, formats, annotation keywords and every schema of schemas/.
 * With `source`, it keeps the generated code, for standalone validators (see standalone.ts).
 */
export function createAjv(source = false): Ajv2020 {
  const { Ajv, addFormats } = dataSource().compiler();
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    $data: false,
    messages: true,
    verbose: true,
    ...(source ? { code: { source: true } } : {}),
  });
  addFormats(ajv, ['date', 'date-time', 'uri']);
  // Annotation keywords used by messages, header mapping and indicator categories.
  for (const keyword of ['x-label', 'x-label-en', 'x-hint', 'x-hint-en', 'x-category']) {
    ajv.addKeyword({ keyword, schemaType: 'string' });
  }
  for (const schema of rawSchemas().values()) ajv.addSchema(schema);
  return ajv;
}

function init(st: SchemaState): Ajv2020 {
  st.ajv ??= createAjv();
  return st.ajv;
}

function precompiledValidator(st: SchemaState, key: string): ValidateFunction | undefined {
  // Compiling the schemas is most of a short run's start-up; the build does it once instead. Each export is read
  // when first asked for: the Node data source loads a validator's code then.
  if (st.precompiled === undefined) st.precompiled = dataSource().validators();
  const mod = st.precompiled;
  if (!mod || !Object.hasOwn(mod.keys, key)) return undefined;
  return mod[mod.keys[key] as string] as ValidateFunction | undefined;
}

/** The compiled validator for a schema $id (precompiled, or compiled on first use; then cached). */
export function getValidator<T = unknown>(id: string): ValidateFunction<T> {
  const st = state();
  const cached = st.compiled.get(id);
  if (cached) return cached as ValidateFunction<T>;
  const ready = precompiledValidator(st, id);
  if (ready) {
    st.compiled.set(id, ready);
    return ready as ValidateFunction<T>;
  }
  const validate = init(st).getSchema<T>(id);
  if (!validate) throw new Error(`unknown schema ${id}`);
  st.compiled.set(id, validate as ValidateFunction);
  return validate;
}

/**
 * The raw schema object for an $id (for label lookup and docs). A govcat $id names its file (schemas/ after the
 * base): that file alone is read when its $id matches, so looking up a few labels does not parse every schema.
 */
export function getSchema(id: string): SchemaObject {
  const st = state();
  if (!st.raw && id.startsWith(SCHEMA_BASE)) {
    st.single ??= new Map();
    const known = st.single.get(id);
    if (known) return known;
    const text = st.source.read(`schemas/${id.slice(SCHEMA_BASE.length)}`);
    const schema = text === undefined ? undefined : (JSON.parse(text) as SchemaObject);
    if (schema?.$id === id) {
      st.single.set(id, schema);
      return schema;
    }
  }
  const schema = rawSchemas().get(id);
  if (!schema) throw new Error(`unknown schema ${id}`);
  return schema;
}

/** Every loaded schema $id. */
export function schemaIds(): string[] {
  return [...rawSchemas().keys()].sort();
}

export type { ErrorObject, ValidateFunction };

/** The cache key of a schema outside schemas/ (rule option schemas). */
export function optionSchemaKey(schema: SchemaObject): string {
  return JSON.stringify(schema);
}

/** Compiles a schema that is not in schemas/ (rule option schemas), with the same Ajv instance and cache. */
export function compileSchema<T = unknown>(schema: SchemaObject): ValidateFunction<T> {
  const key = optionSchemaKey(schema);
  const st = state();
  const cached = st.compiled.get(key);
  if (cached) return cached as ValidateFunction<T>;
  const ready = precompiledValidator(st, key);
  if (ready) {
    st.compiled.set(key, ready);
    return ready as ValidateFunction<T>;
  }
  const validate = init(st).compile<T>(schema);
  st.compiled.set(key, validate as ValidateFunction);
  return validate;
}
