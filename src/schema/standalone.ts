// Standalone (precompiled) validators: every schema of schemas/ and every rule option schema as one CommonJS module.
import * as standaloneModule from 'ajv/dist/standalone/index.js';
import { createAjv, optionSchemaKey, type SchemaObject, schemaIds } from './ajv.js';

// CommonJS under ESM interop: the function may arrive as the default export or nested in it.
type StandaloneCode = (ajv: ReturnType<typeof createAjv>, refs: Record<string, string>) => string;
const mod = standaloneModule as unknown as { default: StandaloneCode | { default: StandaloneCode } };
const standaloneCode: StandaloneCode = typeof mod.default === 'function' ? mod.default : mod.default.default;

/**
 * The source of a CommonJS module exporting a validator per schema $id and per rule option schema, plus
 * `keys` (schema $id or option-schema key → export name). The build writes it next to ajv.js, which then
 * skips compiling at run time; the validators are Ajv's own generated code with the same options.
 */
export function standaloneValidators(optionSchemas: readonly SchemaObject[]): string {
  const ajv = createAjv(true);
  const refs: Record<string, string> = {};
  const keys: Record<string, string> = {};
  schemaIds().forEach((id, i) => {
    refs[`s${i}`] = id;
    keys[id] = `s${i}`;
  });
  const seen = new Set<string>();
  for (const schema of optionSchemas) {
    const key = optionSchemaKey(schema);
    if (seen.has(key)) continue;
    seen.add(key);
    const name = `o${seen.size - 1}`;
    ajv.addSchema(schema, `govcat:options:${name}`);
    refs[name] = `govcat:options:${name}`;
    keys[key] = name;
  }
  const code = standaloneCode(ajv, refs);
  return `${code}\nexports.keys = ${JSON.stringify(keys)};\n`;
}
