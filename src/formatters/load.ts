// The built-in formatters by name, each module loaded when first asked for: a run prints one format, so it
// need not load the XML builder of junit, the hashes of sarif or the page of html. Same formatters as the
// registry in index.ts (a test keeps the two equal).
import { forTerminal } from './terminal.js';
import type { Formatter } from './types.js';

const LOADERS: Record<string, () => Promise<Formatter>> = {
  stylish: async () => forTerminal((await import('./stylish.js')).stylish),
  json: async () => (await import('./json.js')).json,
  compact: async () => forTerminal((await import('./compact.js')).compact),
  sarif: async () => (await import('./sarif.js')).sarif,
  junit: async () => (await import('./junit.js')).junit,
  // GitHub encodes line breaks itself (%0A) and shows them as breaks in the annotation.
  github: async () => forTerminal((await import('./github.js')).github, true),
  markdown: async () => (await import('./markdown.js')).markdown,
  html: async () => (await import('./html.js')).html,
};

/** Names of the built-in formats, in the registry's order. */
export const FORMAT_NAMES: readonly string[] = Object.keys(LOADERS);

/** The built-in formatter of a name (its module loaded now), or undefined. */
export async function loadFormatter(name: string): Promise<Formatter | undefined> {
  return Object.hasOwn(LOADERS, name) ? LOADERS[name]!() : undefined;
}
