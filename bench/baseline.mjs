// The baselines: the least work that could read a benchmark file, each run in its own child process.
//
//   floor  (xlsx)  inflate the worksheet and shared strings (zlib), decode them, scan every byte for '<'
//   xlsx           SheetJS XLSX.read with exactly the options the reader uses
//   csv            papaparse over the decoded text, as the reader parses it
//   json           JSON.parse of the decoded text
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

const [format, file] = process.argv.slice(2);

/** The entries of a zip's central directory: name, method, compressed size and local header offset. */
function zipEntries(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = [];
  for (let i = 0; i < count; i++) {
    const nameLength = buf.readUInt16LE(p + 28);
    out.push({
      method: buf.readUInt16LE(p + 10),
      size: buf.readUInt32LE(p + 20),
      offset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLength),
    });
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

function inflated(buf, entry) {
  const local = entry.offset;
  const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
  const raw = buf.subarray(start, start + entry.size);
  return entry.method === 0 ? raw : inflateRawSync(raw);
}

let count = 0;
if (format === 'floor') {
  const buf = readFileSync(file);
  const decoder = new TextDecoder('utf-8');
  let chars = 0;
  for (const entry of zipEntries(buf)) {
    if (!/^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/.test(entry.name)) continue;
    const bytes = inflated(buf, entry);
    chars += decoder.decode(bytes).length;
    for (let i = 0; i < bytes.length; i++) if (bytes[i] === 60) count++;
  }
  if (chars === 0) throw new Error('no worksheet');
} else if (format === 'xlsx') {
  const XLSX = await import('xlsx');
  const { sheetJsOptions } = await import('../dist/src/io/readers/sheetjs-options.js');
  const wb = XLSX.read(readFileSync(file), sheetJsOptions({ maxRows: 10_000_000 }));
  for (const name of wb.SheetNames) count += wb.Sheets[name]['!data']?.length ?? 0;
} else if (format === 'csv') {
  const { default: Papa } = await import('papaparse');
  const text = new TextDecoder('utf-8').decode(readFileSync(file));
  count = Papa.parse(text, { delimiter: ',', header: false, dynamicTyping: false }).data.length;
} else if (format === 'json') {
  count = JSON.parse(new TextDecoder('utf-8').decode(readFileSync(file))).entries.length;
} else {
  throw new Error(`unknown format ${format}`);
}
process.stdout.write(`${count}\n`);
