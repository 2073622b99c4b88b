// The offline page's Web Worker: the same core as the CLI (one pipeline, the same readers, rules, indicators,
// formatters, annotate and compile code) over the bytes the page transfers. No DOM here and no Node built-ins.

import * as precompiled from 'govcat:precompiled-validators';
import { setDataSource, useBundledData } from '../browser.js';
import { compileParsed } from '../compile.js';
import { CatalogInputError } from '../errors.js';
import { describeNext, scoreSummaryLines, statusText } from '../formatters/describe.js';
import { getFormatter, renderReport } from '../formatters/index.js';
import type { Report, ScoringProfile } from '../generated/schema-types.js';
import { translate } from '../i18n/index.js';
import { loadProfiles } from '../indicators/data.js';
import { DEFAULT_PROFILE } from '../indicators/default-profile.js';
import { PackageError } from '../io/ooxml/package.js';
import { annotateSource, canAnnotate, lastSourceRow } from '../io/writers/annotate-source.js';
import { type OutputFormat, outputFormatFromName } from '../io/writers/index.js';
import { DEFAULT_MAX_SHEET_ROWS } from '../io/writers/xlsx.js';
import { type PipelineRun, runPipeline } from '../pipeline.js';
import { createSession, type Session } from '../session.js';
import { baseNameOf, extensionOf } from '../util/names.js';
import { GOVCAT_VERSION } from '../version.js';
import { PAGE_LIMITS } from './limits.js';
import type {
  DownloadKind,
  FileSheets,
  FromWorker,
  RunExtras,
  ToWorker,
  WebFile,
  WebOptions,
} from './protocol.js';
import { sheetsOf } from './sheets.js';

/** The worker's global scope, as much of it as this file uses (the project's lib has no WebWorker types). */
interface WorkerScope {
  postMessage(message: FromWorker, transfer?: ArrayBuffer[]): void;
  onmessage: ((event: { data: ToWorker }) => void) | null;
}
declare const self: WorkerScope;

// The bundled seeds and schemas, validated by the precompiled validators (no code generated at run time).
const bundled = useBundledData();
setDataSource({ ...bundled, validators: () => precompiled });

/** The last run, kept for downloads (annotate and compile need the bytes and the parsed catalogs). */
interface LastRun {
  files: { name: string; bytes: Uint8Array }[];
  run: PipelineRun;
  session: Session;
  options: WebOptions;
}
let last: LastRun | undefined;

function post(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  self.postMessage(message, transfer);
}

/** The percentages at which a profile's points for each rate change (the thresholds the summary draws). */
export function rateThresholds(profile: ScoringProfile): Record<string, number[]> {
  const out: Record<string, Set<number>> = {};
  for (const indicator of profile.indicators)
    for (const item of indicator.items) {
      if (item.type !== 'rate' || typeof item.rate !== 'string') continue;
      out[item.rate] ??= new Set();
      const set = out[item.rate]!;
      for (const list of [item.earn, item.deduct, item.bonus])
        for (const step of list ?? []) if (typeof step.when?.percent === 'number') set.add(step.when.percent);
    }
  return Object.fromEntries(Object.entries(out).map(([id, s]) => [id, [...s].sort((a, b) => a - b)]));
}

const STATUSES = ['assessed', 'partial', 'not-assessed', 'not-applicable'];

function extras(report: Report, profile: ScoringProfile, options: WebOptions): RunExtras {
  const next: Record<string, string> = {};
  for (const indicator of report.score?.indicators ?? [])
    for (const item of indicator.items)
      if (item.next) next[`${indicator.id}/${item.id}`] = describeNext(item.next, options.lang);
  return {
    thresholds: rateThresholds(profile),
    next,
    scoreLines: report.score ? scoreSummaryLines(report.score, options.lang) : [],
    status: Object.fromEntries(STATUSES.map((s) => [s, statusText(s, options.lang)])),
  };
}

async function run(id: number, files: WebFile[], options: WebOptions): Promise<void> {
  const profile = loadProfiles().get(options.profile) ?? loadProfiles().get(DEFAULT_PROFILE)!;
  const session = createSession({
    lang: options.lang,
    kind: options.kind,
    limits: PAGE_LIMITS,
    ...(options.today ? { today: options.today } : {}),
  });
  const sources = files.map((f) => ({ name: f.name, bytes: new Uint8Array(f.bytes) }));
  const result = await runPipeline(sources, {
    session: (source, index) => {
      post({ type: 'progress', id, done: index, total: sources.length, file: source.name, stage: 'check' });
      return session;
    },
    profile,
  });
  last = { files: sources, run: result, session, options };
  post({ type: 'result', id, report: result.report, extras: extras(result.report, profile, options) });
  // The sheet view comes after the summary: the editor reads the numbers while the grids are built.
  post({ type: 'progress', id, done: 0, total: sources.length, file: '', stage: 'sheets' });
  const sheets: FileSheets[] = [];
  for (const [file, source] of sources.entries()) {
    const unread = result.report.files[file]?.error !== undefined;
    sheets.push({ file, sheets: unread ? [] : await sheetsOf(source.name, source.bytes, session.limits) });
  }
  post({ type: 'sheets', id, files: sheets });
}

function stem(name: string): string {
  const base = baseNameOf(name);
  const ext = extensionOf(base);
  return ext ? base.slice(0, -ext.length) : base;
}

const MIME: Record<string, string> = {
  json: 'application/json',
  jsonl: 'application/x-ndjson',
  html: 'text/html',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
  csv: 'text/csv',
  xml: 'application/xml',
};

function textBytes(text: string): ArrayBuffer {
  return new TextEncoder().encode(text).buffer as ArrayBuffer;
}

/** Copies bytes into an ArrayBuffer of their own, so it can be transferred. */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer as ArrayBuffer;
}

function download(kind: DownloadKind, index: number): { name: string; mime: string; bytes: ArrayBuffer } {
  if (!last) throw new Error('no run');
  const { lang } = last.options;
  if (kind === 'json' || kind === 'html') {
    const text = renderReport(getFormatter(kind)!, last.run.report, { lang, color: false });
    return { name: `govcat-report.${kind}`, mime: MIME[kind]!, bytes: textBytes(text) };
  }
  const source = last.files[index];
  const result = last.run.results[index];
  const file = last.run.report.files[index];
  if (!source || !result || !file || file.error || !result.parsed) throw new Error('no file');
  if (kind === 'annotated') {
    if (!canAnnotate(source.name))
      throw new CatalogInputError('input/unsupported-format', 'annotate.needWorkbook', { file: source.name });
    const rows = lastSourceRow(result.parsed);
    if (rows > DEFAULT_MAX_SHEET_ROWS)
      throw new Error(
        translate(lang, 'annotate.tooLarge', {
          file: source.name,
          count: rows,
          limit: DEFAULT_MAX_SHEET_ROWS,
        }),
      );
    const annotated = annotateSource({
      ...source,
      file,
      parsed: result.parsed,
      lang,
      limits: last.session.limits,
    });
    return { name: `${stem(source.name)}.批注.xlsx`, mime: MIME.xlsx!, bytes: ownBuffer(annotated.output) };
  }
  const format: OutputFormat = outputFormatFromName(source.name) ?? 'json';
  const compiled = compileParsed(result.parsed, last.session, { format });
  return {
    name: `${stem(source.name)}.compiled.${format}`,
    mime: MIME[format] ?? 'application/octet-stream',
    bytes: ownBuffer(compiled.output),
  };
}

function errorText(err: unknown, lang: WebOptions['lang']): string {
  if (err instanceof CatalogInputError) return err.render(lang);
  if (err instanceof PackageError) return err.message;
  return err instanceof Error ? err.message : String(err);
}

self.onmessage = (event) => {
  const message = event.data;
  const lang = message.type === 'run' ? message.options.lang : (last?.options.lang ?? 'zh');
  const fail = (err: unknown) => post({ type: 'error', id: message.id, message: errorText(err, lang) });
  if (message.type === 'run') {
    run(message.id, message.files, message.options).catch(fail);
    return;
  }
  try {
    const out = download(message.kind, message.file);
    post({ type: 'file', id: message.id, ...out }, [out.bytes]);
  } catch (err) {
    fail(err);
  }
};

const profiles = [...loadProfiles().values()].map((p) => ({ id: p.id, title: p.title }));
post({ type: 'ready', version: GOVCAT_VERSION, profiles, defaultProfile: DEFAULT_PROFILE });
