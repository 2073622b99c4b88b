// The baselines: a bare parse of a benchmark file with the library govcat uses for it, nothing else.
// xlsx: SheetJS XLSX.read with the reader's own options; csv: csv-parse streaming over the file.
import { createReadStream, readFileSync } from 'node:fs';
import { parse } from 'csv-parse';
import * as XLSX from 'xlsx';
import { sheetJsOptions } from '../dist/src/io/readers/sheetjs-options.js';

const [format, file] = process.argv.slice(2);
let rows = 0;
if (format === 'xlsx') {
  const wb = XLSX.read(readFileSync(file), sheetJsOptions({ maxRows: 1_000_000 }));
  for (const name of wb.SheetNames) rows += wb.Sheets[name]['!data']?.length ?? 0;
} else if (format === 'csv') {
  const parser = createReadStream(file).pipe(
    parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }),
  );
  for await (const _record of parser) rows++;
} else {
  throw new Error(`unknown format ${format}`);
}
process.stdout.write(`${rows}\n`);
