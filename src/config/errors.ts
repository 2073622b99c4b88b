// Configuration errors whose detail is rendered in the user's language, and “did you mean” suggestions.
import { ConfigError, type ConfigErrorCode } from '../errors.js';
import { type Lang, type MessageId, translateId } from '../i18n/index.js';

/** A value of a detail: plain, a pair per language, or another message to render. */
export type DetailValue = string | number | { zh: string; en: string } | { msg: string };

/** A message id and data, rendered later in a language. */
export interface Detail {
  id: string;
  data?: Record<string, DetailValue>;
}

/**
 * A ConfigError whose `problem` is itself a message, rendered in the language the CLI asks for
 * (the base class holds plain data, which cannot change language).
 */
export class LocalizedConfigError extends ConfigError {
  private readonly details: readonly Detail[];
  constructor(
    code: ConfigErrorCode,
    messageId: MessageId,
    data: Record<string, string | number>,
    details: Detail[],
  ) {
    super(code, messageId, { ...data, problem: renderDetails(details, 'zh') });
    this.details = details;
  }
  override render(lang: Lang): string {
    return translateId(lang, this.messageId, { ...this.data, problem: renderDetails(this.details, lang) });
  }
}

function renderDetails(details: readonly Detail[], lang: Lang): string {
  return details.map((d) => translateId(lang, d.id, localize(d.data ?? {}, lang))).join('');
}

/** Picks `{ zh, en }` values per language and renders `{ msg }` values as messages. */
function localize(data: Record<string, DetailValue>, lang: Lang): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(data)) {
    if (typeof v !== 'object') out[k] = v;
    else if ('msg' in v) out[k] = translateId(lang, v.msg);
    else out[k] = v[lang];
  }
  return out;
}

/** Levenshtein distance, bounded work (names here are short). */
function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/**
 * The candidate closest to a mistyped name, if it is close enough: within a third of the length, the same
 * rule name under another category (naming/unique → code/unique), or a preset without its prefix
 * (recommended → govcat:recommended).
 */
export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  const tail = name.split('/').pop() ?? name;
  for (const c of candidates) {
    // The same rule under another category, or a preset written without its prefix, is one step away.
    const sameTail = c.includes('/') && c.split('/').pop() === tail;
    const score = sameTail || c.endsWith(`:${name}`) ? 1 : distance(name, c);
    if (score < bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}
