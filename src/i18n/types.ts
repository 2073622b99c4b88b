// The shapes of the message tables (kept apart from the tables, so each table imports only its types).

/** Output languages. */
export type Lang = 'zh' | 'en';

/** A message in both languages, with the same placeholders. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** A table of messages of one area. */
export type MessageTable = Record<string, Bilingual>;
