// Message catalogs (zh default, en) and {{placeholder}} interpolation. Each area keeps its own table in messages/.
import { cliMessages } from './messages/cli.js';
import { compileMessages } from './messages/compile.js';
import { configMessages } from './messages/config.js';
import { fileMessages } from './messages/files.js';
import { indicatorMessages } from './messages/indicators.js';
import { inputMessages } from './messages/input.js';
import { readerMessages } from './messages/readers.js';
import { reportMessages } from './messages/report.js';
import { rulesMessages } from './messages/rules.js';
import { schemaMessages } from './messages/schema.js';
import { serviceMessages } from './messages/service.js';

import type { Bilingual, Lang, MessageTable } from './types.js';

export type { Bilingual, Lang, MessageTable } from './types.js';

export const LANGS: readonly Lang[] = ['zh', 'en'];

const tables: MessageTable[] = [
  inputMessages,
  readerMessages,
  configMessages,
  schemaMessages,
  reportMessages,
  cliMessages,
  compileMessages,
  serviceMessages,
  indicatorMessages,
  rulesMessages,
  fileMessages,
];
const catalog = new Map<string, Bilingual>();
for (const table of tables) {
  for (const [id, message] of Object.entries(table)) {
    if (catalog.has(id)) throw new Error(`duplicate message id ${id}`);
    catalog.set(id, message);
  }
}

/** Every message id and text (for the parity test and docs). */
export function allMessages(): ReadonlyMap<string, Bilingual> {
  return catalog;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_.]+)\s*\}\}/g;

/** Replaces `{{name}}` with `data[name]`; unknown placeholders stay visible so they are caught in review. */
export function interpolate(template: string, data: Readonly<Record<string, unknown>> = {}): string {
  return template.replace(PLACEHOLDER, (whole, key: string) => {
    const value = data[key];
    return value === undefined || value === null ? whole : String(value);
  });
}

/** The placeholders a template uses, sorted (for parity checks). */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();
}

/** Renders message `id` in `lang`. Unknown ids render as the id itself (never throw while reporting). */
export function translate(lang: Lang, id: string, data?: Readonly<Record<string, unknown>>): string {
  const message = catalog.get(id);
  if (!message) return id;
  return interpolate(message[lang], data);
}

/** Picks the text of a bilingual pair. */
export function pick(text: Bilingual, lang: Lang): string {
  return text[lang];
}

/** Normalizes user-facing language names (zh, zh-CN, en, en-US …) to a Lang, or undefined. */
export function parseLang(value: string | undefined): Lang | undefined {
  if (!value) return undefined;
  const v = value.toLowerCase();
  if (v === 'zh' || v.startsWith('zh-') || v.startsWith('zh_')) return 'zh';
  if (v === 'en' || v.startsWith('en-') || v.startsWith('en_')) return 'en';
  return undefined;
}

/** Joins list items for a sentence: “a、b、c” in Chinese, “a, b, c” in English. */
export function joinList(items: readonly string[], lang: Lang): string {
  return items.join(lang === 'zh' ? '、' : ', ');
}
