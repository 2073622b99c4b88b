// The baselines: a bare parse of a benchmark file with the library govcat uses for it, nothing else.
// xlsx: SheetJS XLSX.read with the reader's own options; csv: papaparse over the decoded text, as the reader does.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import * as XLSX from 'xlsx';
import { sheetJsOptions } from '../dist/src/io/readers/sheetjs-options.js';

const [format, file] = process.argv.slice(2);
let rows = 0;
if (format === 'xlsx') {
  const wb = XLSX.read(readFileSync(file), sheetJsOptions({ maxRows: 1_000_000 }));
  for (const name of wb.SheetNames) rows += wb.Sheets[name]['!data']?.length ?? 0;
} else if (format === 'csv') {
  const text = new TextDecoder('utf-8').decode(readFileSync(file));
  rows = Papa.parse(text, { delimiter: ',', header: false, dynamicTyping: false }).data.length;
} else {
  throw new Error(`unknown format ${format}`);
}
process.stdout.write(`${rows}\n`);
