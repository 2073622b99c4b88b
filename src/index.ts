// The public library API of govcat. Importing it has no side effects: nothing runs until called.
export { assignCodes, type CodeAssignment, type CodegenProblem } from './codegen/codes.js';
export { applySafeFixes } from './codegen/fixes.js';
export { emptyLock, LOCK_FILE_NAME, parseLock, serializeLock } from './codegen/lock.js';
export {
  type CompileOptions,
  type CompileResult,
  compileCatalog,
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
  loadProfileFile,
  loadProfiles,
  parseInputTable,
  readInputTable,
  scoreProfile,
} from './indicators/index.js';
export { type AnnotateInput, type AnnotateResult, annotateWorkbook } from './io/writers/annotate.js';
export { OUTPUT_FORMATS, type OutputFormat, outputFormatFromName, writeCatalog } from './io/writers/index.js';
export { DEFAULT_LIMITS } from './limits.js';
export type { CatalogKind, EntryData, InputFormat, ParsedCatalog, ParsedEntry } from './model/types.js';
export { defineRule } from './rules/define.js';
export { registryRules as rules } from './rules/registry.js';
export type { AnyRule, Diagnostic, Rule, RuleContext, RuleMeta } from './rules/types.js';
export {
  type CatalogSource,
  createSession,
  type FileResult,
  type Session,
  type ValidateOptions,
  validateCatalog,
  validateParsed,
} from './validate.js';

import { getFormatter, renderReport } from './formatters/index.js';
import type { FormatContext } from './formatters/types.js';
import type { Report } from './generated/schema-types.js';

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
