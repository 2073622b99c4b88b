// Standalone (precompiled) validators: every schema of schemas/ and every rule option schema, as Ajv's generated code.
import * as standaloneModule from 'ajv/dist/standalone/index.js';
import { createAjv, optionSchemaKey, type SchemaObject, schemaIds } from './ajv.js';

// CommonJS under ESM interop: the function may arrive as the default export or nested in it.
type StandaloneCode = (ajv: ReturnType<typeof createAjv>, refs: Record<string, string>) => string;
const mod = standaloneModule as unknown as { default: StandaloneCode | { default: StandaloneCode } };
const standaloneCode: StandaloneCode = typeof mod.default === 'function' ? mod.default : mod.default.default;

/** An Ajv instance holding every schema and option schema, with `refs` (export name → schema ref) and `keys`. */
function prepare(optionSchemas: readonly SchemaObject[]) {
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
  return { ajv, refs, keys };
}

/**
 * The source of a CommonJS module exporting a validator per schema $id and per rule option schema, plus
 * `keys` (schema $id or option-schema key → export name). The build writes it next to ajv.js, and the page's
 * build bundles it; the validators are Ajv's own generated code with the same options.
 */
export function standaloneValidators(optionSchemas: readonly SchemaObject[]): string {
  const { ajv, refs, keys } = prepare(optionSchemas);
  const code = standaloneCode(ajv, refs);
  return `${code}\nexports.keys = ${JSON.stringify(keys)};\n`;
}

/** The module that holds every rule option validator: they are small, and a run with its rules on uses them all. */
const OPTIONS_FILE = 'options.cjs';

/**
 * The same validators as one small CommonJS module per schema export (`<name>.cjs`, each with the code its
 * schema refers to), one module of all rule option validators (`options.cjs`), and an index (`index.cjs`)
 * with `keys` and a getter per export that requires its module on first use: a run loads the few validators
 * it uses (the configuration, the entry schema, the options of the rules it runs), not the code of every schema.
 */
export function standaloneValidatorFiles(optionSchemas: readonly SchemaObject[]): Record<string, string> {
  const { ajv, refs, keys } = prepare(optionSchemas);
  const files: Record<string, string> = {};
  const getters: string[] = [];
  const options = Object.fromEntries(Object.entries(refs).filter(([name]) => name.startsWith('o')));
  if (Object.keys(options).length) files[OPTIONS_FILE] = standaloneCode(ajv, options);
  for (const [name, ref] of Object.entries(refs)) {
    const file = Object.hasOwn(options, name) ? OPTIONS_FILE : `${name}.cjs`;
    if (file !== OPTIONS_FILE) files[file] = standaloneCode(ajv, { [name]: ref });
    getters.push(
      `Object.defineProperty(exports, ${JSON.stringify(name)}, { enumerable: true, get: () => require(${JSON.stringify(`./${file}`)})[${JSON.stringify(name)}] });`,
    );
  }
  files['index.cjs'] = `"use strict";\n${getters.join('\n')}\nexports.keys = ${JSON.stringify(keys)};\n`;
  return files;
}
