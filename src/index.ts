// The public library API of govcat. Importing it installs the Node data source (seeds/ and schemas/ of the package,
// read on first use); nothing else runs until called.
/**
 * govcat as a library: validate and compile catalogs from paths, bytes or objects, and format the report.
 *
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * import { compileCatalog, formatReport, loadConfig, validateCatalog } from 'govcat';
 *
 * // A path: configuration found upward from the file, as the CLI does.
 * const { config, file } = await loadConfig({ searchFrom: 'catalogs/' });
 * const report = await validateCatalog('catalogs/2021.xlsx', { config, configFile: file });
 *
 * // Bytes already in memory (an upload): the name gives the format and appears in messages.
 * const upload = await validateCatalog({ name: '南宁市目录.json', bytes: await readFile('x.json') });
 * if (upload.files[0].error) console.error(upload.files[0].error.message); // unreadable: code + message
 * else console.log(formatReport(upload, 'compact', { lang: 'en' }));
 *
 * // Compile: safe fixes and resource codes, the output as bytes (nothing is written).
 * const compiled = await compileCatalog('catalogs/2021.xlsx', { format: 'json', config });
 *
 * // Two versions: entries added, removed, changed, re-coded; findings new and fixed; rates before → after.
 * const diff = await diffSources('2023/目录.xlsx', '2024/目录.json', { config });
 * console.log(formatDiff(diff, 'markdown', { lang: 'zh' }));
 * ```
 *
 * Many files at once on worker threads: `import { CatalogPool } from 'govcat/pool'`.
 * The HTTP service: `import { createService } from 'govcat/serve'`.
 *
 * @packageDocumentation
 */
export { assignCodes, type CodeAssignment, type CodegenProblem } from './codegen/codes.js';
export { applySafeFixes } from './codegen/fixes.js';
export { emptyLock, LOCK_FILE_NAME, parseLock, serializeLock } from './codegen/lock.js';
export {
  type CompileOptions,
  type CompileResult,
  type CompileSettings,
  compileParsed,
  type FixedCatalog,
  fixCatalog,
} from './compile.js';
export {
  CONFIG_FILE_NAME,
  type LoadConfigOptions,
  type LoadedConfig,
  loadConfig,
  parseConfig,
} from './config/load.js';
export { nodeDataSource, useNodeData } from './data/node.js';
export { type DataSource, dataSource, type PrecompiledValidators, setDataSource } from './data/source.js';
export { type DiffOptions, type DiffSide, diffCatalogs } from './diff/diff.js';
export { type FindingMatch, matchFindings, reportFindingKey } from './diff/findings.js';
export { DIFF_FORMATS, type DiffFormat, formatDiff } from './diff/format.js';
export {
  type DiffSourcesOptions,
  diffSources,
  type ValidatedVersion,
  validateVersion,
} from './diff/sources.js';
export { CatalogInputError, ConfigError, type InputErrorCode } from './errors.js';
export {
  type FormatContext,
  type Formatter,
  formatNames,
  getFormatter,
  registerFormatter,
  renderReport,
} from './formatters/index.js';
export type * from './generated/schema-types.js';
export type { Lang } from './i18n/index.js';
export {
  AssessmentError,
  computeInputRates,
  type IndicatorInputSet,
  loadProfiles,
  parseInputTable,
  parseProfile,
  readInputTable,
  scoreProfile,
} from './indicators/index.js';
export { loadProfileFile } from './indicators/profile-file.js';
export { type AnnotateInput, type AnnotateResult, annotateWorkbook } from './io/writers/annotate.js';
export { OUTPUT_FORMATS, type OutputFormat, outputFormatFromName, writeCatalog } from './io/writers/index.js';
export { DEFAULT_LIMITS } from './limits.js';
export type { CatalogKind, EntryData, InputFormat, ParsedCatalog, ParsedEntry } from './model/types.js';
export { defineRule, type RuleDefinition } from './rules/define.js';
export { registryRules as rules } from './rules/registry.js';
export type { AnyRule, Diagnostic, Rule, RuleContext, RuleMeta } from './rules/types.js';
export {
  type CatalogSource,
  compileCatalog,
  createSession,
  type FileResult,
  type Session,
  type SessionOptions,
  type ValidateOptions,
  validateCatalog,
  validateParsed,
} from './validate.js';

import { useNodeData } from './data/node.js';
import { hasDataSource } from './data/source.js';
import { getFormatter, renderReport } from './formatters/index.js';
import type { FormatContext } from './formatters/types.js';
import type { Report } from './generated/schema-types.js';

// The library reads seeds/ and schemas/ from the package folder, unless the host installed another source first.
if (!hasDataSource()) useNodeData();

/** Formats a report with a named formatter (stylish, json, …). Throws on an unknown name. */
export function formatReport(
  report: Report,
  format = 'stylish',
  context: Partial<FormatContext> = {},
): string {
  const formatter = getFormatter(format);
  if (!formatter) throw new Error(`unknown format ${format}`);
  return renderReport(formatter, report, {
    ...context,
    lang: context.lang ?? 'zh',
    color: context.color ?? false,
  });
}
