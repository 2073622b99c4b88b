// Independent spreadsheet tools for the workbook tests: openpyxl (Debian python3-openpyxl) and LibreOffice.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** Debian's python (a pyenv python earlier on PATH may lack openpyxl); GOVCAT_PYTHON names another one. */
export const PYTHON = process.env.GOVCAT_PYTHON || '/usr/bin/python3';
/** LibreOffice's command line; GOVCAT_SOFFICE names another one. */
export const SOFFICE = process.env.GOVCAT_SOFFICE || '/usr/bin/soffice';

type Tool = 'openpyxl' | 'soffice';

const PACKAGE: Record<Tool, string> = { openpyxl: 'python3-openpyxl', soffice: 'libreoffice-calc' };

function present(tool: Tool): boolean {
  if (tool === 'soffice') return existsSync(SOFFICE);
  if (!existsSync(PYTHON)) return false;
  return spawnSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0;
}

/**
 * Whether the tests of `suite` that need `tools` can run. Without them they are skipped with a printed
 * notice, so `npm test` passes on a fresh machine; under CI=true (.ci/run installs them) a missing tool
 * throws and the suite fails instead.
 */
export function officeAvailable(suite: string, ...tools: Tool[]): boolean {
  const missing = tools.filter((t) => !present(t));
  if (missing.length === 0) return true;
  const install = `apt-get install -y ${missing.map((t) => PACKAGE[t]).join(' ')}`;
  if (process.env.CI === 'true')
    throw new Error(
      `${suite}: ${missing.join(', ')} missing and CI=true requires these tests to run (${install})`,
    );
  console.warn(`${suite}: skipped, ${missing.join(', ')} not found (${install}; with CI=true they must run)`);
  return false;
}

/** Runs a Python script with Debian's python and openpyxl; its stdout is returned (JSON by convention). */
export function python(script: string, args: string[] = []): string {
  return execFileSync(PYTHON, ['-c', script, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/**
 * Converts a workbook with headless LibreOffice (a fresh profile, so parallel runs do not share one) and
 * returns the converted file's bytes. `filter` is soffice's --convert-to argument, e.g. `csv:Text - txt - csv
 * (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1` for every sheet as UTF-8 CSV.
 */
export function sofficeConvert(
  bytes: Uint8Array,
  name: string,
  filter: string,
  ext: string,
): Map<string, Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'govcat-soffice-'));
  try {
    const input = join(dir, name);
    writeFileSync(input, bytes);
    const out = join(dir, 'out');
    execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--norestore',
        '--convert-to',
        filter,
        '--outdir',
        out,
        input,
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
    const files = new Map<string, Buffer>();
    const stem = basename(name).replace(/\.[^.]+$/, '');
    for (const f of readdirSync(out)) {
      if (f.startsWith(stem) && f.endsWith(`.${ext}`)) files.set(f, readFileSync(join(out, f)));
    }
    return files;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
