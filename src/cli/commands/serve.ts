// `govcat serve`: run the ingestion service until SIGTERM/SIGINT; JSON log lines on stdout.
import { resolve } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { type LoadedConfig, loadConfig } from '../../config/load.js';
import type { Lang } from '../../i18n/index.js';
import { translate } from '../../i18n/index.js';
import type { CatalogKind } from '../../model/types.js';
import type { GovcatService, LogRecord } from '../../serve/index.js';
import { type CliIO, EXIT } from '../io.js';
import { addLimitOptions, kindOption, langOption, limitsFromOptions, UsageError } from '../shared.js';

/** Defaults of the serve options (stated in the help texts, applied here). */
const SERVE_DEFAULTS = {
  host: '127.0.0.1',
  port: 8080,
  maxBody: 50 * 1024 ** 2,
  requestTimeout: 60_000,
  maxWorkerMemory: 1024,
  shutdownTimeout: 30_000,
};

interface ServeCliOptions {
  host: string;
  port: number;
  maxBody: number;
  concurrency?: number;
  queue?: number;
  requestTimeout: number;
  maxUploads?: number;
  minUploadRate?: number;
  uploadGrace?: number;
  token?: string;
  allowedHost?: string[];
  allowOrigin?: string[];
  maxWorkerMemory: number;
  shutdownTimeout: number;
  lang?: Lang;
  kind?: CatalogKind | 'auto';
  config?: string | false;
  [limit: string]: unknown;
}

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
};

/** Parses a size: bytes, or a number with KB/MB/GB (binary: 1 MB = 1,048,576 bytes). */
export function parseSize(value: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  if (!m) return undefined;
  const unit = UNITS[m[2]!.toLowerCase().replace(/ib$/, 'b')];
  if (unit === undefined) return undefined;
  const bytes = Math.floor(Number(m[1]) * unit);
  return bytes > 0 && Number.isSafeInteger(bytes) ? bytes : undefined;
}

function integerOption(lang: Lang, flag: string, min: number, max: number) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(
        translate(lang, 'cli.serve.badNumber', { option: flag, value: v, expected: `${min}–${max}` }),
      );
    }
    return n;
  };
}

/** Registers the serve command. */
export function registerServe(
  program: Command,
  io: CliIO,
  lang: Lang,
  setExit: (code: number) => void,
): void {
  const cmd = program
    .command('serve')
    .description(translate(lang, 'cli.serve.description'))
    .addOption(new Option('--host <host>', translate(lang, 'cli.serve.host')))
    .addOption(
      new Option('--port <port>', translate(lang, 'cli.serve.port')).argParser(
        integerOption(lang, '--port', 0, 65535),
      ),
    )
    .addOption(
      new Option('--max-body <size>', translate(lang, 'cli.serve.maxBody')).argParser((v) => {
        const n = parseSize(v);
        if (n === undefined)
          throw new InvalidArgumentError(translate(lang, 'cli.serve.badSize', { value: v }));
        return n;
      }),
    )
    .addOption(
      new Option('--concurrency <n>', translate(lang, 'cli.serve.concurrency')).argParser(
        integerOption(lang, '--concurrency', 1, 256),
      ),
    )
    .addOption(
      new Option('--queue <n>', translate(lang, 'cli.serve.queue')).argParser(
        integerOption(lang, '--queue', 0, 10_000),
      ),
    )
    .addOption(
      new Option('--max-uploads <n>', translate(lang, 'cli.serve.maxUploads')).argParser(
        integerOption(lang, '--max-uploads', 1, 100_000),
      ),
    )
    .addOption(
      new Option('--min-upload-rate <size>', translate(lang, 'cli.serve.minUploadRate')).argParser((v) => {
        const n = parseSize(v);
        if (n === undefined)
          throw new InvalidArgumentError(translate(lang, 'cli.serve.badSize', { value: v }));
        return n;
      }),
    )
    .addOption(
      new Option('--upload-grace <ms>', translate(lang, 'cli.serve.uploadGrace')).argParser(
        integerOption(lang, '--upload-grace', 0, 3_600_000),
      ),
    )
    .addOption(new Option('--token <token>', translate(lang, 'cli.serve.token')))
    .addOption(
      new Option('--allowed-host <name>', translate(lang, 'cli.serve.allowedHost')).argParser(
        (v: string, previous: string[] | undefined) => [...(previous ?? []), v],
      ),
    )
    .addOption(
      new Option('--allow-origin <origin>', translate(lang, 'cli.serve.allowOrigin')).argParser(
        (v: string, previous: string[] | undefined) => [...(previous ?? []), v],
      ),
    )
    .addOption(
      new Option('--request-timeout <ms>', translate(lang, 'cli.serve.requestTimeout')).argParser(
        integerOption(lang, '--request-timeout', 100, 3_600_000),
      ),
    )
    .addOption(
      new Option('--max-worker-memory <MiB>', translate(lang, 'cli.serve.workerMemory')).argParser(
        integerOption(lang, '--max-worker-memory', 16, 65_536),
      ),
    )
    .addOption(
      new Option('--shutdown-timeout <ms>', translate(lang, 'cli.serve.shutdownTimeout')).argParser(
        integerOption(lang, '--shutdown-timeout', 0, 3_600_000),
      ),
    )
    .addOption(langOption(lang))
    .addOption(kindOption(lang))
    .option('-c, --config <file>', translate(lang, 'cli.serve.config'))
    .option('--no-config', translate(lang, 'cli.optionNoConfig'));
  addLimitOptions(cmd, lang);
  cmd.action(async (given: Partial<ServeCliOptions>) => {
    const opts: ServeCliOptions = { ...SERVE_DEFAULTS, ...given };
    setExit(await runServe(opts, io, opts.lang ?? lang));
  });
}

async function runServe(opts: ServeCliOptions, io: CliIO, lang: Lang): Promise<number> {
  const write = (record: Omit<LogRecord, 'time'> & { time?: string }) =>
    io.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...record })}\n`);
  let loaded: LoadedConfig = { config: {} };
  if (typeof opts.config === 'string') {
    loaded = await loadConfig({ file: resolve(io.cwd, opts.config) });
    loaded.file = opts.config;
  } else if (opts.config !== false) {
    loaded = await loadConfig({ searchFrom: io.cwd });
  }
  // Loaded only here, so other commands do not pay for fastify and piscina at start-up.
  const { createService } = await import('../../serve/index.js');
  // The environment keeps the token out of process lists; an explicit --token wins.
  const token = opts.token ?? (io.env.GOVCAT_TOKEN || undefined);
  const service: GovcatService = await createService({
    maxBody: opts.maxBody,
    ...(opts.maxUploads !== undefined ? { maxUploads: opts.maxUploads } : {}),
    ...(opts.minUploadRate !== undefined ? { minUploadRate: opts.minUploadRate } : {}),
    ...(opts.uploadGrace !== undefined ? { uploadGraceMs: opts.uploadGrace } : {}),
    ...(token !== undefined ? { token } : {}),
    ...(opts.allowedHost ? { allowedHosts: opts.allowedHost } : {}),
    ...(opts.allowOrigin ? { allowOrigins: opts.allowOrigin } : {}),
    ...(opts.concurrency !== undefined ? { concurrency: opts.concurrency } : {}),
    ...(opts.queue !== undefined ? { queue: opts.queue } : {}),
    requestTimeoutMs: opts.requestTimeout,
    maxWorkerMemoryMb: opts.maxWorkerMemory,
    lang,
    ...(opts.kind ? { kind: opts.kind } : {}),
    config: loaded.config,
    ...(loaded.file ? { configFile: loaded.file } : {}),
    limits: limitsFromOptions(opts),
    log: (record) => io.stdout.write(`${JSON.stringify(record)}\n`),
  });
  let url: string;
  try {
    url = await service.listen({ host: opts.host, port: opts.port });
  } catch (err) {
    await service.destroy();
    throw new UsageError(
      translate(lang, 'cli.serve.listenFailed', {
        address: `${opts.host}:${opts.port}`,
        reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message,
      }),
    );
  }
  const stats = service.pool.stats();
  write({
    level: 'info',
    event: 'listening',
    url,
    pid: process.pid,
    concurrency: stats.threads,
    queue: service.pool.maxQueue,
    maxBody: opts.maxBody,
    requestTimeoutMs: opts.requestTimeout,
    maxWorkerMemoryMb: opts.maxWorkerMemory,
    token: token !== undefined,
    config: loaded.file ?? null,
  });
  return new Promise<number>((done) => {
    let forced = false;
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) {
        // A second signal: stop now.
        forced = true;
        void service.destroy();
        return;
      }
      stopping = true;
      write({ level: 'info', event: 'shutdown', signal, inflight: service.pool.stats() });
      const timer = setTimeout(() => {
        forced = true;
        write({ level: 'warn', event: 'shutdown-timeout', timeoutMs: opts.shutdownTimeout });
        void service.destroy();
      }, opts.shutdownTimeout);
      service
        .close()
        .catch(() => service.destroy())
        .finally(() => {
          clearTimeout(timer);
          process.off('SIGTERM', onSignal);
          process.off('SIGINT', onSignal);
          write({ level: forced ? 'warn' : 'info', event: 'closed', forced });
          done(forced ? EXIT.findings : EXIT.ok);
        });
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}
