// The tableschema-js (Frictionless) baseline: the same rows checked cell by cell against a Table Schema with the
// template's per-cell constraints (types, patterns, vocabularies, lengths). Run in its own child process:
//
//   node bench/tableschema.mjs csv|json FILE      prints "<rows> <cell errors>"
//
// tableschema is not a govcat dependency: `npm run bench:vendor` installs it into bench/vendor/node_modules.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const VENDOR = join(dirname(fileURLToPath(import.meta.url)), 'vendor', 'package.json');

/** The vendored tableschema module, or undefined when `npm run bench:vendor` has not been run. */
export function loadTableSchema() {
  try {
    return createRequire(VENDOR)('tableschema');
  } catch {
    return undefined;
  }
}

const CODE = '^[0-9]{6,12}/[0-9]+$';
/** The 17 template columns with the constraints a per-cell checker can state. */
export const SCHEMA = {
  fields: [
    { name: '数据资源分类', type: 'string', constraints: { pattern: '^[0-9]{3,12}$' } },
    { name: '数据资源名称', type: 'string', constraints: { maxLength: 100, pattern: '^[^0-9]*$' } },
    { name: '数据资源代码', type: 'string', constraints: { pattern: CODE } },
    { name: '数据资源提供方', type: 'string', constraints: { maxLength: 100 } },
    { name: '数据提供方代码', type: 'string', constraints: { pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$' } },
    { name: '数据资源摘要', type: 'string', constraints: { minLength: 10, maxLength: 1000 } },
    { name: '数据资源格式', type: 'string', constraints: { maxLength: 100 } },
    { name: '数据项名称', type: 'string', constraints: { required: true, maxLength: 100 } },
    {
      name: '数据类型',
      type: 'string',
      constraints: { required: true, pattern: '^[CNDTBM](\\([0-9]+(,[0-9]+)?\\))?$' },
    },
    { name: '共享类型', type: 'integer', constraints: { enum: [1, 2, 3] } },
    { name: '共享条件', type: 'string', constraints: { maxLength: 500 } },
    { name: '共享方式', type: 'string', constraints: { maxLength: 100 } },
    { name: '是否向社会开放', type: 'integer', constraints: { enum: [0, 1] } },
    { name: '开放条件', type: 'string', constraints: { maxLength: 500 } },
    {
      name: '更新周期',
      type: 'string',
      constraints: { enum: ['实时', '每日', '每周', '每月', '每季度', '每半年', '每年', '不定期'] },
    },
    { name: '发布日期', type: 'date' },
    {
      name: '关联资源代码',
      type: 'string',
      constraints: { pattern: `^(${CODE.slice(1, -1)})?(;${CODE.slice(1, -1)})*$` },
    },
  ],
};

/** The template rows of a canonical JSON catalog: resource cells on an entry's first item row, blank below. */
function jsonRows(text) {
  const rows = [];
  for (const e of JSON.parse(text).entries) {
    const items = e.items?.length ? e.items : [{}];
    items.forEach((item, j) => {
      const first = j === 0;
      const at = (v) => (first && v !== undefined ? String(v) : '');
      rows.push([
        at(e.classification),
        at(e.name),
        at(e.code),
        at(e.provider),
        at(e.providerCode),
        at(e.summary),
        at(e.format?.join('、')),
        item.name ?? '',
        item.type ?? '',
        at(e.share?.type),
        at(e.share?.condition),
        at(e.share?.method),
        at(e.open?.open),
        at(e.open?.condition),
        at(e.updateCycle),
        at(e.publishDate),
        at(e.relatedCodes?.join(';')),
      ]);
    });
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [format, file] = process.argv.slice(2);
  const tableschema = loadTableSchema();
  if (!tableschema) throw new Error('tableschema is not installed: run `npm run bench:vendor`');
  const { Table } = tableschema;
  // CSV: tableschema parses the file itself; the three header rows are skipped by their row numbers.
  // JSON: parsed and laid out as the same rows, counted in its time.
  const source = format === 'json' ? jsonRows(readFileSync(file, 'utf8')) : file;
  const skip = format === 'json' ? 0 : 3;
  const table = await Table.load(source, { schema: SCHEMA, headers: false });
  let rows = 0;
  let errors = 0;
  const iterator = await table.iter({ forceCast: true });
  for await (const row of iterator) {
    rows++;
    if (rows <= skip) continue;
    if (row instanceof Error) errors += row.errors?.length ?? 1;
  }
  process.stdout.write(`${rows - skip} ${errors}\n`);
}
