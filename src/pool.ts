// The `govcat/pool` entry: validate many catalogs on worker threads (no side effects until a pool is created).
/**
 * @example
 * ```ts
 * import { CatalogPool } from 'govcat/pool';
 *
 * const pool = new CatalogPool({ threads: 2, maxWorkerMemoryMb: 1024 });
 * const results = await Promise.all(
 *   ['a.xlsx', 'b.xlsx'].map((path) => pool.validate({ path }, { lang: 'zh', limits: { timeoutMs: 60_000 } })),
 * );
 * await pool.close();
 * for (const r of results) console.log(r.report.path, r.report.error?.code ?? r.counts);
 * ```
 * @packageDocumentation
 */
export {
  CatalogPool,
  type CompileTaskOptions,
  defaultWorkerFile,
  heapNeededMb,
  PoolClosedError,
  type PoolCompileResult,
  type PoolFileResult,
  type PoolOptions,
  type PoolRenderResult,
  PoolSaturatedError,
  type PoolStats,
  poolReport,
  type RenderOptions,
  type RunOptions,
  type TaskOptions,
  type TaskSource,
} from './workers/pool.js';
