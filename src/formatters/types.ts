// The formatter interface: a plain function from the report to text.
import type { Report } from '../generated/schema-types.js';
import type { Lang } from '../i18n/index.js';

/** What a formatter may know besides the report. */
export interface FormatContext {
  lang: Lang;
  /** Use ANSI colours (the CLI decides: TTY and no NO_COLOR). */
  color: boolean;
  /** Only errors (--quiet): the findings handed to a formatter are already filtered by renderReport. */
  quiet?: boolean;
  /** --max-warnings: formats that carry a pass/fail signal mark a run with more warnings as failed. */
  maxWarnings?: number;
  /** Human formats: list every finding (default true; `govcat score` shows the score table only). */
  findings?: boolean;
}

/** A report formatter. */
export type Formatter = (report: Report, context: FormatContext) => string;
