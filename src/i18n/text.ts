// Language-neutral text: what the core puts where a report shows words (a message id with its data, a pair of
// texts from seeds, a list), rendered into one language only at the edge that builds the report or prints it.
import { interpolate, isMessageId, listSeparator, type MessageId, translate } from './index.js';
import type { Bilingual, Lang } from './types.js';

/** A value that may stand in a message's data: plain, or text rendered in the same language. */
export type TextArg = string | number | Text;

/** A message of the tables with its data. */
export class MessageText {
  constructor(
    readonly id: MessageId,
    readonly data?: Readonly<Record<string, TextArg>>,
  ) {}
}

/** A text given in both languages (labels and notes of a seeds profile). */
export class BilingualText {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {}
}

/** Items joined with the language's list separator. */
export class ListText {
  constructor(readonly items: readonly TextArg[]) {}
}

/** A template in both languages (a rule's own message, or one of the tables) with its data. */
export class TemplateText {
  constructor(
    readonly template: Bilingual,
    readonly data: Readonly<Record<string, TextArg>>,
  ) {}
}

/** Text not yet in a language. */
export type Text = MessageText | BilingualText | ListText | TemplateText;

export function msg(id: MessageId, data?: Readonly<Record<string, TextArg>>): MessageText {
  return new MessageText(id, data);
}

/** A message whose id arrives as data (a rate's label id): an unknown id throws rather than show as text. */
export function msgOf(id: string, data?: Readonly<Record<string, TextArg>>): MessageText {
  if (!isMessageId(id)) throw new Error(`unknown message id ${id}`);
  return new MessageText(id, data);
}

export function both(zh: string, en: string): BilingualText {
  return new BilingualText(zh, en);
}

export function list(items: readonly TextArg[]): ListText {
  return new ListText(items);
}

export function isText(value: unknown): value is Text {
  return (
    value instanceof MessageText ||
    value instanceof BilingualText ||
    value instanceof ListText ||
    value instanceof TemplateText
  );
}

/** Renders text (or passes a plain value through) in `lang`. */
export function renderText(value: TextArg, lang: Lang): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value instanceof BilingualText) return value[lang];
  if (value instanceof ListText) return value.items.map((v) => renderText(v, lang)).join(listSeparator(lang));
  if (value instanceof TemplateText) return interpolate(value.template[lang], renderData(value.data, lang));
  if (!value.data) return translate(lang, value.id);
  const data: Record<string, string> = {};
  for (const [key, v] of Object.entries(value.data)) data[key] = renderText(v, lang);
  return translate(lang, value.id, data);
}

/**
 * A message's data in `lang`: texts rendered, plain strings and numbers kept as they are (a finding's data in
 * the report). The same object when nothing in it needs rendering.
 */
export function renderData(
  data: Readonly<Record<string, TextArg>>,
  lang: Lang,
): Record<string, string | number> {
  let out: Record<string, string | number> | undefined;
  for (const key in data) {
    const v = data[key]!;
    if (typeof v === 'object') {
      out ??= { ...(data as Record<string, string | number>) };
      out[key] = renderText(v, lang);
    }
  }
  return out ?? (data as Record<string, string | number>);
}

/** `T` with text not yet in a language wherever `T` has a string. */
export type Neutral<T> = T extends string
  ? string extends T
    ? string | Text
    : T
  : T extends readonly (infer U)[]
    ? Neutral<U>[]
    : T extends object
      ? { [K in keyof T]: Neutral<T[K]> }
      : T;

/** A copy of `value` with every text rendered in `lang` (keys keep their order, so the JSON is the same). */
export function localize<T>(value: Neutral<T>, lang: Lang): T {
  return localizeAny(value, lang) as T;
}

function localizeAny(value: unknown, lang: Lang): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (isText(value)) return renderText(value, lang);
  if (Array.isArray(value)) return value.map((v) => localizeAny(v, lang));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = localizeAny(v, lang);
  return out;
}
