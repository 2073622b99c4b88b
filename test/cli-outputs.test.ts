// Outputs never replace an input, a symbolic link, a device or another non-regular file; `-o -` is standard output.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { translate } from '../src/i18n/index.js';
import { catalogOf } from './helpers/catalog.js';
import { runCli } from './helpers/cli.js';
import { templateLayout } from './helpers/layouts.js';

const example = join(import.meta.dirname, '..', 'examples', 'nanning-shared-catalog.json');
let dir: string;
let original: Buffer;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'govcat-outputs-'));
  copyFileSync(example, join(dir, 'in.json'));
  original = readFileSync(join(dir, 'in.json'));
});

const cli = (...argv: string[]) => runCli(argv, { cwd: dir });
const untouched = () => expect(readFileSync(join(dir, 'in.json')).equals(original)).toBe(true);
/** The message the CLI prints for a usage error, from the message table (rendered as `govcat：…`). */
const usage = (id: string, data: Record<string, string>) => `govcat：${translate('zh', id, data)}`;

/** mkfifo and, as root, a character device node (1,3 is the null device) inside the test folder. */
function specialFiles(): { fifo: string; device?: string } {
  const fifo = join(dir, 'pipe');
  spawnSync('mkfifo', [fifo]);
  const device = join(dir, 'null');
  const made = process.getuid?.() === 0 && spawnSync('mknod', [device, 'c', '1', '3']).status === 0;
  return made ? { fifo, device } : { fifo };
}

describe('validate -o', () => {
  it('refuses the input as the report file, by any name that reaches it, and leaves it as it was', async () => {
    linkSync(join(dir, 'in.json'), join(dir, 'hard-link.json'));
    mkdirSync(join(dir, 'sub'));
    for (const output of ['in.json', './sub/../in.json', join(dir, 'in.json'), 'hard-link.json']) {
      const r = await cli('validate', 'in.json', '-f', 'json', '-o', output);
      expect([output, r.code, r.stdout]).toEqual([output, 2, '']);
      expect(r.stderr.trim()).toBe(usage('output.isInput', { file: output, input: 'in.json' }));
      untouched();
    }
    // A list is an input too.
    writeFileSync(join(dir, 'published.csv'), '数据资源代码\n102001001/1\n');
    const list = await cli('validate', 'in.json', '--published', 'published.csv', '-o', 'published.csv');
    expect(list.code).toBe(2);
    expect(readFileSync(join(dir, 'published.csv'), 'utf8')).toBe('数据资源代码\n102001001/1\n');
  });

  it('refuses a symbolic link, a folder, a pipe and a device, leaving each as it was', async () => {
    writeFileSync(join(dir, 'old-report.json'), '{}');
    symlinkSync('old-report.json', join(dir, 'link.json'));
    mkdirSync(join(dir, 'reports'));
    const { fifo, device } = specialFiles();
    const r = await cli('validate', 'in.json', '-f', 'json', '-o', 'link.json');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      usage('output.symlink', { file: 'link.json', target: join(dir, 'old-report.json') }),
    );
    expect([
      lstatSync(join(dir, 'link.json')).isSymbolicLink(),
      readlinkSync(join(dir, 'link.json')),
    ]).toEqual([true, 'old-report.json']);
    expect(readFileSync(join(dir, 'old-report.json'), 'utf8')).toBe('{}');
    const kinds: [string, string, () => boolean][] = [
      ['reports', 'directory', () => lstatSync(join(dir, 'reports')).isDirectory()],
      [fifo, 'pipe', () => lstatSync(fifo).isFIFO()],
    ];
    if (device) kinds.push([device, 'device', () => lstatSync(device).isCharacterDevice()]);
    for (const [output, kind, still] of kinds) {
      const k = await cli('validate', 'in.json', '-f', 'json', '-o', output);
      expect([output, k.code]).toEqual([output, 2]);
      expect(k.stderr.trim()).toBe(
        usage('output.notRegular', { file: output, kind: translate('zh', `output.kind.${kind}`) }),
      );
      expect(still()).toBe(true);
    }
  });

  it('writes the report to standard output with -o - or -o /dev/stdout', async () => {
    const plain = await cli('validate', 'in.json', '-f', 'json', '--today', '2021-11-23');
    for (const output of ['-', '/dev/stdout']) {
      const r = await cli('validate', 'in.json', '-f', 'json', '--today', '2021-11-23', '-o', output);
      expect([r.code, r.stderr, r.stdout]).toEqual([plain.code, '', plain.stdout]);
    }
    const score = await cli('score', 'in.json', '-f', 'json', '--today', '2021-11-23', '-o', '-');
    expect(JSON.parse(score.stdout).score.profile.id).toBe('gx-2021-city');
  });

  it('still replaces an older report atomically', async () => {
    writeFileSync(join(dir, 'report.json'), 'old');
    const r = await cli('validate', 'in.json', '-f', 'json', '-o', 'report.json');
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).files[0].path).toBe('in.json');
  });
});

describe('compile, annotate and init outputs', () => {
  it('compile refuses the input by another name, a link as output or as lock, and keeps all of them', async () => {
    linkSync(join(dir, 'in.json'), join(dir, 'alias.json'));
    const alias = await cli('compile', 'in.json', '-o', 'alias.json');
    expect([alias.code, alias.stderr.trim()]).toEqual([
      2,
      usage('cli.compile.outIsInput', { file: 'alias.json' }),
    ]);
    untouched();
    symlinkSync('in.json', join(dir, 'out.json'));
    expect((await cli('compile', 'in.json', '-o', 'out.json')).code).toBe(2);
    expect(lstatSync(join(dir, 'out.json')).isSymbolicLink()).toBe(true);
    symlinkSync('elsewhere.json', join(dir, 'govcat.lock.json'));
    const lock = await cli('compile', 'in.json', '-o', 'compiled.json');
    expect(lock.code).toBe(2);
    expect(lstatSync(join(dir, 'govcat.lock.json')).isSymbolicLink()).toBe(true);
    untouched();
  });

  it('compile -o - writes the compiled catalog to standard output and the report to standard error', async () => {
    const r = await cli('compile', 'in.json', '-o', '-', '--to', 'json', '--no-lock', '-f', 'json');
    const compiled = JSON.parse(r.stdout);
    expect(compiled.entries).toHaveLength(12);
    expect(JSON.parse(r.stderr).files[0].output).toBe('-');
    untouched();
  });

  it('compile --write through a symbolic link replaces the file it points to and keeps the link', async () => {
    writeFileSync(
      join(dir, 'catalog.json'),
      JSON.stringify(catalogOf('shared', [{ publishDate: '2021/7/13' }])),
    );
    symlinkSync('catalog.json', join(dir, 'current.json'));
    const r = await cli('compile', 'current.json', '--write', '--no-lock');
    expect(r.stderr).toBe('');
    expect(lstatSync(join(dir, 'current.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')).entries[0].publishDate).toBe(
      '2021-07-13',
    );
  });

  it('annotate refuses the input by another name and standard output; init --force refuses a link', async () => {
    writeFileSync(join(dir, '目录.xlsx'), templateLayout().bytes);
    const before = readFileSync(join(dir, '目录.xlsx'));
    linkSync(join(dir, '目录.xlsx'), join(dir, '副本.xlsx'));
    const same = await cli('validate', '目录.xlsx', '--annotate', '副本.xlsx');
    expect([same.code, same.stderr.trim()]).toEqual([2, usage('annotate.outIsInput', { file: '副本.xlsx' })]);
    expect((await cli('validate', '目录.xlsx', '--annotate', '-')).code).toBe(2);
    expect(readFileSync(join(dir, '目录.xlsx')).equals(before)).toBe(true);
    symlinkSync('目录.xlsx', join(dir, '模板.xlsx'));
    const init = await cli('init', '模板.xlsx', '--force');
    expect(init.code).toBe(2);
    expect(lstatSync(join(dir, '模板.xlsx')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, '目录.xlsx')).equals(before)).toBe(true);
  });
});
