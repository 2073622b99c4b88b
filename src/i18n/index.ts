// Message catalogs (zh default, en) and {{placeholder}} interpolation. Each area keeps its own table in messages/.
import { cliMessages } from './messages/cli.js';
import { compileMessages } from './messages/compile.js';
import { configMessages } from './messages/config.js';
import { diffMessages } from './messages/diff.js';
import { fileMessages } from './messages/files.js';
import { formatMessages } from './messages/format.js';
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

/** Every message id of the tables: translate() takes only these, so a missing id is a type error. */
export type MessageId =
  | keyof typeof inputMessages
  | keyof typeof readerMessages
  | keyof typeof configMessages
  | keyof typeof schemaMessages
  | keyof typeof reportMessages
  | keyof typeof cliMessages
  | keyof typeof compileMessages
  | keyof typeof serviceMessages
  | keyof typeof indicatorMessages
  | keyof typeof rulesMessages
  | keyof typeof fileMessages
  | keyof typeof formatMessages
  | keyof typeof diffMessages;

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
  formatMessages,
  diffMessages,
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

/** Renders message `id` in `lang` (a missing id is a type error). */
export function translate(lang: Lang, id: MessageId, data?: Readonly<Record<string, unknown>>): string {
  return translateId(lang, id, data);
}

/**
 * Renders a message whose id arrives as data (an error sent back by a worker, a rate id, a rule's own id).
 * An id that names no message is a bug, not text to show: it throws.
 */
export function translateId(lang: Lang, id: string, data?: Readonly<Record<string, unknown>>): string {
  const message = catalog.get(id);
  if (!message) throw new Error(`unknown message id ${id}`);
  return interpolate(message[lang], data);
}

/** The texts of a message (both languages), for rendering later; a missing id is a type error. */
export function messageOf(id: MessageId): Bilingual {
  return catalog.get(id)!;
}

/** Whether an id names a message. */
export function isMessageId(id: string): id is MessageId {
  return catalog.has(id);
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

const LIST_SEPARATOR: Readonly<Record<Lang, string>> = { zh: '、', en: ', ' };

/** The separator of list items in a sentence: “、” in Chinese, “, ” in English. */
export function listSeparator(lang: Lang): string {
  return LIST_SEPARATOR[lang];
}

/** Joins list items for a sentence: “a、b、c” in Chinese, “a, b, c” in English. */
export function joinList(items: readonly string[], lang: Lang): string {
  return items.join(LIST_SEPARATOR[lang]);
}

const CLAUSE_SEPARATOR: Readonly<Record<Lang, string>> = { zh: '；', en: '; ' };

/** Joins clauses of one line: “a；b” in Chinese, “a; b” in English. */
export function joinClauses(clauses: readonly string[], lang: Lang): string {
  return clauses.join(CLAUSE_SEPARATOR[lang]);
}

/** A label and its text: “label：text” in Chinese, “label: text” in English. */
export function labelled(label: string, text: string, lang: Lang): string {
  return translate(lang, 'format.labelled', { label, text });
}

/** A note in parentheses after a text: “（note）” in Chinese, “ (note)” in English. */
export function aside(note: string, lang: Lang): string {
  return translate(lang, 'format.aside', { text: note });
}
