// The indicator stage's edge: rates and scores come out of the core with message ids and neutral texts, and
// are rendered in the report's language here, as the report is built.
import type { Rate, Score } from '../generated/schema-types.js';
import type { Lang } from '../i18n/index.js';
import { localize, msgOf, renderText } from '../i18n/text.js';
import { type NeutralScore, type ScoreOptions, scoreCatalogs } from './score.js';

/** A rate whose label (and reason it is not assessed) are message ids, rendered in `lang`. */
export function localizeRate(rate: Rate, lang: Lang): Rate {
  const out = { ...rate };
  if (rate.label !== undefined) out.label = renderText(msgOf(rate.label), lang);
  if (rate.notAssessed !== undefined) out.notAssessed = renderText(msgOf(rate.notAssessed), lang);
  return out;
}

/** Every rate of a record rendered in `lang` (keys keep their order). */
export function localizeRates<R extends Rate | undefined>(
  rates: Readonly<Record<string, R>>,
  lang: Lang,
): Record<string, R> {
  const out: Record<string, R> = {};
  for (const [id, rate] of Object.entries(rates))
    out[id] = (rate === undefined ? rate : localizeRate(rate, lang)) as R;
  return out;
}

/** A score rendered in `lang`. */
export function localizeScore(score: NeutralScore, lang: Lang): Score {
  return localize<Score>(score, lang);
}

/** Scores validated files against a profile, in `lang` (the library API; the pipeline renders at its edge). */
export function scoreProfile(options: ScoreOptions & { lang: Lang }): Score {
  return localizeScore(scoreCatalogs(options), options.lang);
}
