// The formatter interface: a plain function from the report to text.
import type { Report } from '../generated/schema-types.js';
import type { Lang } from '../i18n/index.js';

/** What a formatter may know besides the report. */
export interface FormatContext {
  lang: Lang;
  /** Use ANSI colours (the CLI decides: TTY and no NO_COLOR). */
  color: boolean;
  /** Only errors (--quiet). */
  quiet?: boolean;
}

/** A report formatter. */
export type Formatter = (report: Report, context: FormatContext) => string;
