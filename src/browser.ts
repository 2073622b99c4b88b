// The browser entry (a page or a Web Worker): everything of the core, and the bundled copy of seeds/ and schemas/.
// Call useBundledData() once before the first run; nothing here touches a file system.
/**
 * @example
 * ```ts
 * import { createSession, runPipeline, useBundledData } from 'govcat/browser';
 *
 * useBundledData();
 * const bytes = new Uint8Array(await file.arrayBuffer());
 * const { report } = await runPipeline([{ name: file.name, bytes }], { session: createSession({ lang: 'zh' }) });
 * ```
 * @packageDocumentation
 */
import { bundledDataSource } from './data/bundled.js';
import { type DataSource, setDataSource } from './data/source.js';

export * from './core.js';
export { type DataSource, dataSource, hasDataSource, setDataSource } from './data/source.js';

let bundled: DataSource | undefined;

/** Installs the bundled seeds/ and schemas/ as the data source (once; later calls keep the same source). */
export function useBundledData(): DataSource {
  bundled ??= bundledDataSource();
  setDataSource(bundled);
  return bundled;
}
