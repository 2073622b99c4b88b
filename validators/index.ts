// The rule registry: every rule module, sorted by id. A test keeps it in parity with the folders on disk.
import type { AnyRule } from '../src/rules/types.js';
import codeUnique from './code/unique/rule.js';
import metadataProviderCodeCheck from './metadata/provider-code-check/rule.js';

/** Every rule, sorted by id. */
export const rules: readonly AnyRule[] = [codeUnique, metadataProviderCodeCheck].sort((a, b) =>
  a.meta.id.localeCompare(b.meta.id),
);
