// The lock file govcat.lock.json: parsed against schemas/lock.schema.json, written in a stable order.
import { ConfigError } from '../errors.js';
import type { CodeLock } from '../generated/schema-types.js';
import { getValidator, SCHEMA_IDS } from '../schema/ajv.js';
import { sortLockRecords } from './codes.js';

/** The lock file's default name, next to the catalog. */
export const LOCK_FILE_NAME = 'govcat.lock.json';

/** An empty lock. */
export function emptyLock(separator: CodeLock['separator'] = '/'): CodeLock {
  return { version: 1, separator, codes: [] };
}

/** Parses and validates a lock file's text; ConfigError naming the file when it is not a valid lock. */
export function parseLock(text: string, file: string): CodeLock {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw new ConfigError('config/malformed', 'compile.lockMalformed', {
      file,
      reason: (err as Error).message,
    });
  }
  const validate = getValidator<CodeLock>(SCHEMA_IDS.lock);
  if (!validate(data)) {
    const e = validate.errors?.[0];
    throw new ConfigError('config/invalid', 'compile.lockInvalid', {
      file,
      problem: `${e?.instancePath || '/'} ${e?.message ?? ''}`.trim(),
    });
  }
  return data;
}

/** The lock as written to disk: records sorted by code, two-space JSON, final newline. */
export function serializeLock(lock: CodeLock): string {
  const codes = sortLockRecords(
    lock.codes.map((r) => ({
      name: r.name,
      provider: r.provider,
      code: r.code,
      ...(r.source ? { source: r.source } : {}),
      ...(r.retired ? { retired: true } : {}),
    })),
  );
  return `${JSON.stringify({ version: 1, separator: lock.separator, codes }, null, 2)}\n`;
}
