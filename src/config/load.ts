// Finds and reads govcat.config.json from the file system (upward search, or --config); checking is in check.ts.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { lilconfig } from 'lilconfig';
import { ConfigError } from '../errors.js';
import type { GovcatConfig } from '../generated/schema-types.js';
import { CONFIG_FILE_NAME, parseConfig } from './check.js';

export {
  CONFIG_FILE_NAME,
  checkConfig,
  describeConfigErrors,
  LocalizedConfigError,
  parseConfig,
  suggest,
  validateConfigObject,
} from './check.js';

/** A configuration as loaded: the merged object and the file it came from (if any). */
export interface LoadedConfig {
  config: GovcatConfig;
  file?: string;
}

/** Where to look for a configuration. */
export interface LoadConfigOptions {
  /** An explicit file (--config); missing → ConfigError. */
  file?: string;
  /** Start searching upward from here (the input file's directory). */
  searchFrom?: string;
  /** Do not search above this directory. */
  stopDir?: string;
}

/** Reads a configuration file; ConfigError when missing or invalid. */
export function readConfigFile(file: string): GovcatConfig {
  const path = resolve(file);
  if (!existsSync(path)) throw new ConfigError('config/not-found', 'config.notFound', { file });
  return parseConfig(readFileSync(path, 'utf8'), file);
}

/** Finds and loads a configuration (explicit file, else upward search, else empty). */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  if (options.file) return { config: readConfigFile(options.file), file: options.file };
  if (!options.searchFrom) return { config: {} };
  const explorer = lilconfig('govcat', {
    searchPlaces: [CONFIG_FILE_NAME],
    loaders: { '.json': (filepath, content) => parseConfig(content, filepath) },
    ...(options.stopDir ? { stopDir: options.stopDir } : {}),
  });
  const found = await explorer.search(options.searchFrom);
  if (!found || found.isEmpty) return { config: {} };
  return { config: found.config as GovcatConfig, file: found.filepath };
}

/** Directory to search from for an input path. */
export function searchDirFor(inputPath: string): string {
  return dirname(resolve(inputPath));
}
