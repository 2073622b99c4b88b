// Regenerates the generated parts of README.md (the rule table) with `npm run docs`.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rulesMarkdown } from '../dist/src/cli/commands/rules.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const file = join(root, 'README.md');
const readme = readFileSync(file, 'utf8');
const start = '<!-- rules:start -->';
const end = '<!-- rules:end -->';
const a = readme.indexOf(start);
const b = readme.indexOf(end);
if (a < 0 || b < a) throw new Error('README.md has no rules markers');
writeFileSync(file, `${readme.slice(0, a + start.length)}\n${rulesMarkdown()}${readme.slice(b)}`);
console.log('README.md rule table updated');
