// Indicators over validated files: rates per file and over all files, input-driven rates, and the score.
export { applyIndicators, type IndicatorOptions, type IndicatorResult } from './apply.js';
export { loadInputSeeds, loadProfiles, parseProfile } from './data.js';
export {
  computeInputRates,
  defaultPeriod,
  type IndicatorInputSet,
  parseDay,
  sumRates,
  windowsWithin,
} from './input-rates.js';
export { type InputKind, type InputTable, parseInputTable } from './inputs.js';
export { computeRates, computeRatesDetailed, EntryFacts, isStructuredEntry, RATE_IDS } from './rates.js';
export { readInputTable } from './read-inputs.js';
export { localizeRates, localizeScore, scoreProfile } from './render.js';
export { AssessmentError, deductionBonus, holds, nextStep, scoreCatalogs, tierPoints } from './score.js';
