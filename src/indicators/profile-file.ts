// Reads a province's own scoring profile from a JSON file on disk (Node adapters: the CLI, the library).
import { readFileSync } from 'node:fs';
import type { ScoringProfile } from '../generated/schema-types.js';
import { SeedError } from '../seeds/index.js';
import { parseProfile } from './data.js';

/** Validates and returns a profile read from any JSON file (a province's own profile). */
export function loadProfileFile(file: string): ScoringProfile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new SeedError(file, (err as Error).message);
  }
  return parseProfile(text, file);
}
