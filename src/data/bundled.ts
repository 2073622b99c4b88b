// The bundled data source: seeds/ and schemas/ compiled into the bundle (bundled-files.ts), for a browser page or a
// Web Worker. Nothing precompiled: schemas compile on first use (Ajv generates code, so a page needs no CSP that
// forbids it).
import { Ajv2020 } from 'ajv/dist/2020.js';
import * as ajvFormats from 'ajv-formats';
import { BUNDLED_FILES } from './bundled-files.js';
import type { DataSource, SchemaCompiler } from './source.js';

// ajv-formats is CommonJS; under ESM interop its function may arrive as the default export or nested in it.
const formatsModule = ajvFormats as unknown as {
  default: SchemaCompiler['addFormats'] | { default: SchemaCompiler['addFormats'] };
};
const addFormats =
  typeof formatsModule.default === 'function' ? formatsModule.default : formatsModule.default.default;

/** A data source over the files bundled at build time. */
export function bundledDataSource(files: Readonly<Record<string, string>> = BUNDLED_FILES): DataSource {
  const names = Object.keys(files).sort();
  return {
    read(name) {
      return Object.hasOwn(files, name) ? files[name] : undefined;
    },
    list(folder, deep = false) {
      const prefix = `${folder}/`;
      return names.filter(
        (name) =>
          name.startsWith(prefix) && name.endsWith('.json') && (deep || !name.includes('/', prefix.length)),
      );
    },
    where(name) {
      return name;
    },
    validators() {
      return null;
    },
    compiler() {
      return { Ajv: Ajv2020 as unknown as SchemaCompiler['Ajv'], addFormats };
    },
  };
}
