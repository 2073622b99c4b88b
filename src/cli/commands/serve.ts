// `govcat serve`: run the ingestion service until SIGTERM/SIGINT; JSON log lines on stdout.
import { resolve } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { type LoadedConfig, loadConfig } from '../../config/load.js';
import type { Lang } from '../../i18n/index.js';
import { translate } from '../../i18n/index.js';
import type { GovcatService, LogRecord, ServiceOptions } from '../../serve/index.js';
import { type CliIO, EXIT } from '../io.js';
import {
  addConfigOptions,
  addLimitOptions,
  kindOption,
  langOption,
  limitsFromOptions,
  type SessionCliOptions,
  UsageError,
} from '../shared.js';

/** Defaults of the serve options (stated in the help texts, applied here). */
const SERVE_DEFAULTS = {
  host: '127.0.0.1',
  port: 8080,
  maxBody: 50 * 1024 ** 2,
  requestTimeout: 60_000,
  maxWorkerMemory: 1024,
  shutdownTimeout: 30_000,
};

interface ServeCliOptions extends Omit<SessionCliOptions, 'today'> {
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

/** An option that takes a size (50MB, 512KB, bytes). */
function sizeOption(lang: Lang, flags: string, description: string): Option {
  return new Option(flags, description).argParser((v) => {
    const n = parseSize(v);
    if (n === undefined) throw new InvalidArgumentError(translate(lang, 'cli.serve.badSize', { value: v }));
    return n;
  });
}

/** An option that takes an integer within bounds. */
function numberOption(lang: Lang, flags: string, description: string, min: number, max: number): Option {
  return new Option(flags, description).argParser(integerOption(lang, flags.split(' ', 1)[0]!, min, max));
}

/** A repeatable option collected into a list. */
function listOption(flags: string, description: string): Option {
  return new Option(flags, description).argParser((v: string, previous: string[] | undefined) => [
    ...(previous ?? []),
    v,
  ]);
}

/** Where the service listens and who may ask: host, port, token, allowed hosts and origins. */
function addAccessOptions(cmd: Command, lang: Lang): void {
  cmd
    .addOption(new Option('--host <host>', translate(lang, 'cli.serve.host')))
    .addOption(numberOption(lang, '--port <port>', translate(lang, 'cli.serve.port'), 0, 65535))
    .addOption(new Option('--token <token>', translate(lang, 'cli.serve.token')))
    .addOption(listOption('--allowed-host <name>', translate(lang, 'cli.serve.allowedHost')))
    .addOption(listOption('--allow-origin <origin>', translate(lang, 'cli.serve.allowOrigin')));
}

/** How much the service takes at once and how long it waits: bodies, workers, queue, uploads, timeouts. */
function addCapacityOptions(cmd: Command, lang: Lang): void {
  const t = (id: Parameters<typeof translate>[1]) => translate(lang, id);
  cmd
    .addOption(sizeOption(lang, '--max-body <size>', t('cli.serve.maxBody')))
    .addOption(numberOption(lang, '--concurrency <n>', t('cli.serve.concurrency'), 1, 256))
    .addOption(numberOption(lang, '--queue <n>', t('cli.serve.queue'), 0, 10_000))
    .addOption(numberOption(lang, '--max-uploads <n>', t('cli.serve.maxUploads'), 1, 100_000))
    .addOption(sizeOption(lang, '--min-upload-rate <size>', t('cli.serve.minUploadRate')))
    .addOption(numberOption(lang, '--upload-grace <ms>', t('cli.serve.uploadGrace'), 0, 3_600_000))
    .addOption(numberOption(lang, '--request-timeout <ms>', t('cli.serve.requestTimeout'), 100, 3_600_000))
    .addOption(numberOption(lang, '--max-worker-memory <MiB>', t('cli.serve.workerMemory'), 16, 65_536))
    .addOption(numberOption(lang, '--shutdown-timeout <ms>', t('cli.serve.shutdownTimeout'), 0, 3_600_000));
}

/** Registers the serve command. */
export function registerServe(
  program: Command,
  io: CliIO,
  lang: Lang,
  setExit: (code: number) => void,
): void {
  const cmd = program.command('serve').description(translate(lang, 'cli.serve.description'));
  addAccessOptions(cmd, lang);
  addCapacityOptions(cmd, lang);
  cmd.addOption(langOption(lang)).addOption(kindOption(lang));
  addConfigOptions(cmd, lang, translate(lang, 'cli.serve.config'));
  addLimitOptions(cmd, lang);
  cmd.action(async (given: Partial<ServeCliOptions>) => {
    const opts: ServeCliOptions = { ...SERVE_DEFAULTS, ...given };
    setExit(await runServe(opts, io, opts.lang ?? lang));
  });
}

type LogWriter = (record: Omit<LogRecord, 'time'> & { time?: string }) => void;

/** The configuration for every request: the file named, the one found upward, or none. */
async function serveConfig(opts: ServeCliOptions, io: CliIO): Promise<LoadedConfig> {
  if (typeof opts.config === 'string') {
    const loaded = await loadConfig({ file: resolve(io.cwd, opts.config) });
    loaded.file = opts.config;
    return loaded;
  }
  return opts.config === false ? { config: {} } : loadConfig({ searchFrom: io.cwd });
}

/** The service's options from the command line. */
function serviceOptions(
  opts: ServeCliOptions,
  loaded: LoadedConfig,
  token: string | undefined,
  io: CliIO,
  lang: Lang,
): ServiceOptions {
  return {
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
  };
}

async function runServe(opts: ServeCliOptions, io: CliIO, lang: Lang): Promise<number> {
  const write: LogWriter = (record) =>
    io.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...record })}\n`);
  const loaded = await serveConfig(opts, io);
  // Loaded only here, so other commands do not pay for fastify and piscina at start-up.
  const { createService } = await import('../../serve/index.js');
  // The environment keeps the token out of process lists; an explicit --token wins.
  const token = opts.token ?? (io.env.GOVCAT_TOKEN || undefined);
  const service: GovcatService = await createService(serviceOptions(opts, loaded, token, io, lang));
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
  write({
    level: 'info',
    event: 'listening',
    url,
    pid: process.pid,
    concurrency: service.pool.stats().threads,
    queue: service.pool.maxQueue,
    maxBody: opts.maxBody,
    requestTimeoutMs: opts.requestTimeout,
    maxWorkerMemoryMb: opts.maxWorkerMemory,
    token: token !== undefined,
    config: loaded.file ?? null,
  });
  return untilStopped(service, opts.shutdownTimeout, write);
}

/**
 * Runs until SIGTERM or SIGINT, then stops accepting and lets requests in progress finish (within
 * `shutdownTimeout`; a second signal stops at once). Resolves with the exit code: 1 when it had to force.
 */
function untilStopped(service: GovcatService, shutdownTimeout: number, write: LogWriter): Promise<number> {
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
        write({ level: 'warn', event: 'shutdown-timeout', timeoutMs: shutdownTimeout });
        void service.destroy();
      }, shutdownTimeout);
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
