// The only place that constructs Ajv: every schema in schemas/ is loaded once, compiled lazily, cached by $id.
// A built package validates with the precompiled validators (validators.cjs); the Ajv compiler and ajv-formats
// are required only when a schema has no precompiled validator (running from sources, or the build step itself).
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { schemasDir } from '../paths.js';

// Both are CommonJS; under interop a function may arrive as the default export or nested in it.
type AddFormats = (ajv: Ajv2020, formats: string[]) => unknown;
type AjvClass = new (options: Record<string, unknown>) => Ajv2020;
const requireHere = createRequire(import.meta.url);

function unwrap<T>(mod: unknown): T {
  const m = mod as { default?: unknown };
  if (typeof m === 'function') return m as T;
  const d = m.default as { default?: unknown } | undefined;
  return (typeof d === 'function' ? d : d?.default) as T;
}

/** The Ajv compiler, loaded on first use only. */
function ajvCompiler(): { Ajv: AjvClass; addFormats: AddFormats } {
  const ajvModule = requireHere('ajv/dist/2020.js') as { Ajv2020: AjvClass };
  return { Ajv: ajvModule.Ajv2020, addFormats: unwrap<AddFormats>(requireHere('ajv-formats')) };
}

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
  assessment: `${SCHEMA_BASE}assessment.schema.json`,
  diff: `${SCHEMA_BASE}diff.schema.json`,
} as const;

/** A JSON Schema object as loaded from disk. */
export type SchemaObject = Record<string, unknown>;

function listSchemaFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listSchemaFiles(full));
    else if (entry.name.endsWith('.schema.json')) out.push(full);
  }
  return out.sort();
}

let ajvInstance: Ajv2020 | undefined;
let rawSchemas: Map<string, SchemaObject> | undefined;
const compiled = new Map<string, ValidateFunction>();

/** Every schema in schemas/ by $id, parsed once. */
function loadRawSchemas(): Map<string, SchemaObject> {
  if (rawSchemas) return rawSchemas;
  const out = new Map<string, SchemaObject>();
  for (const file of listSchemaFiles(schemasDir)) {
    const schema = JSON.parse(readFileSync(file, 'utf8')) as SchemaObject;
    const id = schema.$id;
    if (typeof id !== 'string') throw new Error(`schema without $id: ${file}`);
    out.set(id, schema);
  }
  rawSchemas = out;
  return out;
}

/**
 * A new Ajv instance with govcat's options, formats, annotation keywords and every schema of schemas/.
 * With `source`, it keeps the generated code, for standalone validators (see standalone.ts).
 */
export function createAjv(source = false): Ajv2020 {
  const { Ajv, addFormats } = ajvCompiler();
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
  for (const schema of loadRawSchemas().values()) ajv.addSchema(schema);
  return ajv;
}

function init(): Ajv2020 {
  ajvInstance ??= createAjv();
  return ajvInstance;
}

/** Name of the module of precompiled validators the build writes next to this file (see standalone.ts). */
export const PRECOMPILED_FILE = 'validators.cjs';

/** Validators precompiled at build time, by $id or option-schema key; none when running from sources. */
let precompiled: Record<string, ValidateFunction> | null | undefined;

function precompiledValidator(key: string): ValidateFunction | undefined {
  if (precompiled === undefined) {
    precompiled = null;
    try {
      // Compiling the schemas is most of a short run's start-up; the build does it once instead.
      const mod = createRequire(import.meta.url)(`./${PRECOMPILED_FILE}`) as {
        keys: Record<string, string>;
        [name: string]: unknown;
      };
      const out: Record<string, ValidateFunction> = Object.create(null);
      for (const [k, name] of Object.entries(mod.keys)) out[k] = mod[name] as ValidateFunction;
      precompiled = out;
    } catch {
      precompiled = null;
    }
  }
  return precompiled?.[key];
}

/** The compiled validator for a schema $id (precompiled, or compiled on first use; then cached). */
export function getValidator<T = unknown>(id: string): ValidateFunction<T> {
  const cached = compiled.get(id);
  if (cached) return cached as ValidateFunction<T>;
  const ready = precompiledValidator(id);
  if (ready) {
    compiled.set(id, ready);
    return ready as ValidateFunction<T>;
  }
  const ajv = init();
  const validate = ajv.getSchema<T>(id);
  if (!validate) throw new Error(`unknown schema ${id}`);
  compiled.set(id, validate as ValidateFunction);
  return validate;
}

/** The raw schema object for an $id (for label lookup and docs). */
export function getSchema(id: string): SchemaObject {
  const schema = loadRawSchemas().get(id);
  if (!schema) throw new Error(`unknown schema ${id}`);
  return schema;
}

/** Every loaded schema $id. */
export function schemaIds(): string[] {
  return [...loadRawSchemas().keys()].sort();
}

export type { ErrorObject, ValidateFunction };

/** The cache key of a schema outside schemas/ (rule option schemas). */
export function optionSchemaKey(schema: SchemaObject): string {
  return JSON.stringify(schema);
}

/** Compiles a schema that is not in schemas/ (rule option schemas), with the same Ajv instance and cache. */
export function compileSchema<T = unknown>(schema: SchemaObject): ValidateFunction<T> {
  const key = optionSchemaKey(schema);
  const cached = compiled.get(key);
  if (cached) return cached as ValidateFunction<T>;
  const ready = precompiledValidator(key);
  if (ready) {
    compiled.set(key, ready);
    return ready as ValidateFunction<T>;
  }
  const validate = init().compile<T>(schema);
  compiled.set(key, validate as ValidateFunction);
  return validate;
}
