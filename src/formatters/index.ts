// Formatter registry: name → (report, context) => string.
import { compact } from './compact.js';
import { github } from './github.js';
import { html } from './html.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import { forTerminal } from './terminal.js';
import type { Formatter } from './types.js';

export type { FormatContext, Formatter } from './types.js';
export { renderReport, tooManyWarnings, visibleReport } from './visible.js';

const formatters = new Map<string, Formatter>([
  ['stylish', forTerminal(stylish)],
  ['json', json],
  ['compact', forTerminal(compact)],
  ['sarif', sarif],
  ['junit', junit],
  // GitHub encodes line breaks itself (%0A) and shows them as breaks in the annotation.
  ['github', forTerminal(github, true)],
  ['markdown', markdown],
  ['html', html],
]);

/** Names of the available formats. */
export function formatNames(): string[] {
  return [...formatters.keys()];
}

/** The formatter of a name, or undefined. */
export function getFormatter(name: string): Formatter | undefined {
  return formatters.get(name);
}

/** Registers (or replaces) a formatter. */
export function registerFormatter(name: string, formatter: Formatter): void {
  formatters.set(name, formatter);
}
