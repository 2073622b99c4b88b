// The core that runs anywhere (Node, a Web Worker, a browser page): bytes in, report out. No file system here;
// adapters (the CLI, worker threads, the service, the library's path reading) wrap it.
export { type CompileResult, compileParsed, type FixedCatalog, fixCatalog } from './compile.js';
export { checkConfig, parseConfig } from './config/check.js';
export { CatalogInputError, ConfigError } from './errors.js';
export {
  type FormatContext,
  type Formatter,
  formatNames,
  getFormatter,
  renderReport,
} from './formatters/index.js';
export type { Lang } from './i18n/index.js';
export { formatFromName, readCatalogBytes, readerFormats } from './io/readers/bytes.js';
export { OUTPUT_FORMATS, type OutputFormat, outputFormatFromName, writeCatalog } from './io/writers/index.js';
export {
  type AssembleOptions,
  assembleReport,
  type CoreSource,
  type FileResult,
  indicate,
  type PipelineRun,
  parsedFromObject,
  type ReportOptions,
  type ReportPart,
  type RunOptions,
  readCoreSource,
  runPipeline,
  validateParsed,
} from './pipeline.js';
export { createSession, isKindOption, localToday, type Session, type SessionOptions } from './session.js';
