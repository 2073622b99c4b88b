// Typed fatal errors: an input that cannot be read, or a configuration that is invalid. Rendered at the edge.
import type { Lang, MessageId } from './i18n/index.js';
import { translateId } from './i18n/index.js';

/** Stable machine-readable codes of input errors (the `error.code` of a file in the JSON report). */
export type InputErrorCode =
  | 'input/not-found'
  | 'input/is-directory'
  | 'input/unreadable'
  | 'input/empty'
  | 'input/unsupported-format'
  | 'input/format-mismatch'
  | 'input/malformed'
  | 'input/encoding'
  | 'input/limit'
  | 'input/unsafe'
  | 'input/no-header'
  | 'input/timeout';

/** A file that cannot be read as a catalog. `messageId` indexes the i18n table; `data` fills it. */
export class CatalogInputError extends Error {
  readonly code: InputErrorCode;
  readonly messageId: MessageId;
  readonly data: Record<string, string | number>;
  constructor(code: InputErrorCode, messageId: MessageId, data: Record<string, string | number> = {}) {
    super(translateId('zh', messageId, data));
    this.name = 'CatalogInputError';
    this.code = code;
    this.messageId = messageId;
    this.data = data;
  }
  /** The message in the requested language. */
  render(lang: Lang): string {
    return translateId(lang, this.messageId, this.data);
  }
}

/** Stable codes of configuration and usage errors. */
export type ConfigErrorCode =
  | 'config/not-found'
  | 'config/malformed'
  | 'config/invalid'
  | 'config/unknown-rule';

/** A configuration file or option that is invalid. */
export class ConfigError extends Error {
  readonly code: ConfigErrorCode;
  readonly messageId: MessageId;
  readonly data: Record<string, string | number>;
  constructor(code: ConfigErrorCode, messageId: MessageId, data: Record<string, string | number> = {}) {
    super(translateId('zh', messageId, data));
    this.name = 'ConfigError';
    this.code = code;
    this.messageId = messageId;
    this.data = data;
  }
  render(lang: Lang): string {
    return translateId(lang, this.messageId, this.data);
  }
}
