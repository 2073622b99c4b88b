// Writes a synthetic catalog in the guide's template layout as xlsx (as Excel saves it) or as CSV, streaming.

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import {
  entryAt,
  excelSerial,
  HEADER_SUB,
  HEADER_TOP,
  ITEMS_PER_ENTRY,
  isoDate,
  RESOURCE_COLUMNS,
  resourceCells,
  TITLE,
} from './catalog.mjs';
import { ZipWriter } from './zip.mjs';

const WIDTH = 17;
const FIRST_DATA_ROW = 4;
const CHUNK_ENTRIES = 500;

function letter(c) {
  return String.fromCharCode(65 + c);
}

function xmlEscape(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Data rows of an entry (1-based first row). */
function firstRowOf(i) {
  return FIRST_DATA_ROW + i * ITEMS_PER_ENTRY;
}

/**
 * Writes an n-entry template workbook: one sheet 目录, shared strings, a date style for 发布日期. Even
 * entries merge their resource cells down over their 8 item rows (as many catalogs do), odd entries
 * leave them blank below the first row; both continue the entry.
 */
export async function writeXlsx(path, n) {
  const sst = new Map();
  let sstCount = 0;
  const str = (text) => {
    sstCount++;
    let i = sst.get(text);
    if (i === undefined) {
      i = sst.size;
      sst.set(text, i);
    }
    return i;
  };
  const cell = (ref, value) => {
    if (value === undefined || value === '') return '';
    if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
    if (typeof value === 'object') return `<c r="${ref}" s="1"><v>${excelSerial(value)}</v></c>`;
    return `<c r="${ref}" t="s"><v>${str(value)}</v></c>`;
  };
  const rowXml = (r, values) => {
    let out = `<row r="${r}">`;
    for (let c = 0; c < values.length; c++) out += cell(`${letter(c)}${r}`, values[c]);
    return `${out}</row>`;
  };
  const lastRow = firstRowOf(n) - 1;
  async function* sheet() {
    yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
    yield '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';
    yield `<dimension ref="A1:Q${lastRow}"/><sheetData>`;
    yield rowXml(1, [TITLE]);
    yield rowXml(2, HEADER_TOP);
    yield rowXml(3, HEADER_SUB);
    for (let start = 0; start < n; start += CHUNK_ENTRIES) {
      let chunk = '';
      for (let i = start; i < Math.min(n, start + CHUNK_ENTRIES); i++) {
        const e = entryAt(i);
        const first = resourceCells(e);
        for (let j = 0; j < ITEMS_PER_ENTRY; j++) {
          const values = j === 0 ? first : new Array(WIDTH).fill(undefined);
          values[7] = e.items[j].name;
          values[8] = e.items[j].type;
          chunk += rowXml(firstRowOf(i) + j, values);
        }
      }
      yield chunk;
    }
    yield '</sheetData>';
    const merges = [`A1:Q1`, 'H2:I2', 'J2:L2', 'M2:N2'];
    for (const c of [0, 1, 2, 3, 4, 5, 6, 14, 15, 16]) merges.push(`${letter(c)}2:${letter(c)}3`);
    const mergeCount = merges.length + Math.ceil(n / 2) * RESOURCE_COLUMNS.length;
    yield `<mergeCells count="${mergeCount}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}`;
    for (let start = 0; start < n; start += CHUNK_ENTRIES * 2) {
      let chunk = '';
      for (let i = start; i < Math.min(n, start + CHUNK_ENTRIES * 2); i += 2) {
        const top = firstRowOf(i);
        const bottom = top + ITEMS_PER_ENTRY - 1;
        for (const c of RESOURCE_COLUMNS)
          chunk += `<mergeCell ref="${letter(c)}${top}:${letter(c)}${bottom}"/>`;
      }
      yield chunk;
    }
    yield '</mergeCells></worksheet>';
  }
  const zip = new ZipWriter(path);
  await zip.add('[Content_Types].xml', [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
  ]);
  await zip.add('_rels/.rels', [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  ]);
  await zip.add('xl/workbook.xml', [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr/><sheets><sheet name="目录" sheetId="1" r:id="rId1"/></sheets></workbook>',
  ]);
  await zip.add('xl/_rels/workbook.xml.rels', [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
  ]);
  await zip.add('xl/styles.xml', [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts><fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>',
  ]);
  await zip.add('xl/worksheets/sheet1.xml', sheet());
  async function* strings() {
    yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${sstCount}" uniqueCount="${sst.size}">`;
    let chunk = '';
    for (const text of sst.keys()) {
      chunk += `<si><t>${xmlEscape(text)}</t></si>`;
      if (chunk.length > 65_536) {
        yield chunk;
        chunk = '';
      }
    }
    yield `${chunk}</sst>`;
  }
  await zip.add('xl/sharedStrings.xml', strings());
  await zip.finish();
}

function csvField(value) {
  if (value === undefined) return '';
  const text = typeof value === 'object' ? isoDate(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLine(values) {
  const out = new Array(WIDTH);
  for (let c = 0; c < WIDTH; c++) out[c] = csvField(values[c]);
  return `${out.join(',')}\r\n`;
}

/** Writes the same catalog as a UTF-8 CSV with BOM, as Excel exports the template sheet (merged cells blank). */
export async function writeCsv(path, n) {
  const out = createWriteStream(path);
  const write = async (text) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`\ufeff${csvLine([TITLE])}${csvLine(HEADER_TOP)}${csvLine(HEADER_SUB)}`);
  for (let start = 0; start < n; start += CHUNK_ENTRIES) {
    let chunk = '';
    for (let i = start; i < Math.min(n, start + CHUNK_ENTRIES); i++) {
      const e = entryAt(i);
      const first = resourceCells(e);
      for (let j = 0; j < ITEMS_PER_ENTRY; j++) {
        const values = j === 0 ? first : new Array(WIDTH).fill(undefined);
        values[7] = e.items[j].name;
        values[8] = e.items[j].type;
        chunk += csvLine(values);
      }
    }
    await write(chunk);
  }
  out.end();
  await once(out, 'finish');
}

/** The canonical JSON form of an entry: ISO dates, blank texts and empty lists left out, as a department exports it. */
function canonicalEntry(e) {
  const out = {};
  for (const [key, value] of Object.entries(e)) {
    if (value === '' || (Array.isArray(value) && value.length === 0)) continue;
    if (key === 'publishDate') out[key] = isoDate(value);
    else if (key === 'share' || key === 'open') {
      const part = {};
      for (const [k, v] of Object.entries(value)) if (v !== '') part[k] = v;
      out[key] = part;
    } else out[key] = value;
  }
  return out;
}

/** Writes the same catalog in the canonical JSON form (`{ kind, title, entries }`), one entry a line. */
export async function writeJson(path, n) {
  const out = createWriteStream(path);
  const write = async (text) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`{"kind":"shared","title":${JSON.stringify(TITLE)},"entries":[\n`);
  for (let start = 0; start < n; start += CHUNK_ENTRIES) {
    let chunk = '';
    for (let i = start; i < Math.min(n, start + CHUNK_ENTRIES); i++) {
      chunk += `${JSON.stringify(canonicalEntry(entryAt(i)))}${i < n - 1 ? ',' : ''}\n`;
    }
    await write(chunk);
  }
  await write(']}\n');
  out.end();
  await once(out, 'finish');
}
