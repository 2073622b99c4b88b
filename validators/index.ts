// The rule registry: every rule module, sorted by id. A test keeps it in parity with the folders on disk.
import type { AnyRule } from '../src/rules/types.js';
import codeFullWidth from './code/full-width/rule.js';
import codeUnique from './code/unique/rule.js';
import metadataDateFormat from './metadata/date-format/rule.js';
import metadataOrphanItem from './metadata/orphan-item/rule.js';
import metadataProviderCodeCheck from './metadata/provider-code-check/rule.js';
import metadataSkippedSheet from './metadata/skipped-sheet/rule.js';
import metadataUnknownColumn from './metadata/unknown-column/rule.js';

/** Every rule, sorted by id. */
export const rules: readonly AnyRule[] = [
  codeFullWidth,
  codeUnique,
  metadataDateFormat,
  metadataOrphanItem,
  metadataProviderCodeCheck,
  metadataSkippedSheet,
  metadataUnknownColumn,
].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
