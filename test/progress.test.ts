// The progress bar: on a terminal's standard error during long runs only, cleared before the report, silent otherwise.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TextSink } from '../src/cli/io.js';
import { startProgress } from '../src/cli/progress.js';
import { runCli } from './helpers/cli.js';

/** A terminal (or not) that records what is written to it. */
function sink(isTTY: boolean): TextSink & { out: string } {
  const s = {
    out: '',
    isTTY,
    columns: 100,
    write(chunk: string | Uint8Array) {
      s.out += String(chunk);
      return true;
    },
  };
  return s;
}

/** Timers run by hand: `fire()` plays the delay out. */
function manualTimers() {
  let pending: (() => void) | undefined;
  let cleared = false;
  return {
    options: {
      delayMs: 1000,
      setTimer: (fn: () => void) => {
        pending = fn;
        return 1;
      },
      clearTimer: () => {
        cleared = true;
      },
    },
    fire: () => pending?.(),
    get cleared() {
      return cleared;
    },
  };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the bar's own terminal sequences are what is checked.
const CLEAR_LINE = /\u001b\[2K/;

describe('startProgress', () => {
  it('on a terminal: appears once the run has taken the delay, counts files, and clears itself', () => {
    const err = sink(true);
    const timers = manualTimers();
    const p = startProgress(err, 3, 'zh', timers.options);
    p.begin('目录/南宁市教育局.json');
    expect(err.out).toBe('');
    timers.fire();
    expect(err.out).toContain('0/3 个文件  目录/南宁市教育局.json');
    p.done('目录/南宁市教育局.json');
    p.done('目录/南宁市公安局.xlsx');
    p.done('目录/县区/武鸣区.csv');
    p.stop();
    expect(err.out).toContain('3/3 个文件  目录/县区/武鸣区.csv');
    // The last thing written clears the line, so the report starts on a clean one.
    const tail = err.out.slice(err.out.lastIndexOf('3/3'));
    expect(tail).toMatch(CLEAR_LINE);
    expect(timers.cleared).toBe(true);
  });

  it('shows nothing for a run that ends before the delay, nor when standard error is not a terminal', () => {
    const quick = sink(true);
    const timers = manualTimers();
    const p = startProgress(quick, 2, 'en', timers.options);
    p.done('a.json');
    p.done('b.json');
    p.stop();
    timers.fire();
    expect(quick.out).toBe('');
    const piped = sink(false);
    const q = startProgress(piped, 2, 'en', { delayMs: 0 });
    q.done('a.json');
    q.stop();
    expect(piped.out).toBe('');
  });

  it('escapes control characters in file names', () => {
    const err = sink(true);
    const p = startProgress(err, 1, 'en', { delayMs: 0 });
    p.begin('目录/\u001b]0;x\u0007.json');
    p.stop();
    expect(err.out).toContain('\\x1b]0;x\\x07.json');
    expect(err.out).not.toContain('\u0007');
  });
});

describe('validate and score with a progress bar', () => {
  const example = join(import.meta.dirname, '..', 'examples', 'nanning-shared-catalog.json');
  const dir = mkdtempSync(join(tmpdir(), 'govcat-progress-'));
  copyFileSync(example, join(dir, 'a.json'));
  copyFileSync(example, join(dir, 'b.json'));

  it('draws on a terminal stderr and leaves the report on stdout as it is without one', async () => {
    const args = ['validate', 'a.json', 'b.json', '-f', 'json', '--today', '2021-11-23'];
    const plain = await runCli(args, { cwd: dir });
    const tty = await runCli(args, { cwd: dir, tty: true, progressDelayMs: 0 });
    expect(tty.stderr).toContain('2/2 个文件');
    expect(tty.stderr).toMatch(CLEAR_LINE);
    expect([tty.code, tty.stdout]).toEqual([plain.code, plain.stdout]);
    expect(plain.stderr).toBe('');
    // On worker threads too.
    const pooled = await runCli([...args, '--jobs', '2'], { cwd: dir, tty: true, progressDelayMs: 0 });
    expect(pooled.stderr).toContain('2/2 个文件');
    expect(pooled.stdout).toBe(plain.stdout);
    const score = await runCli(['score', 'a.json', 'b.json', '--lang', 'en'], {
      cwd: dir,
      tty: true,
      progressDelayMs: 0,
    });
    expect(score.stderr).toContain('2/2 files');
  });
});
