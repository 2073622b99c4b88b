const { CatalogPool } = await import('./dist/src/workers/pool.js');
const { zipBomb } = await import('./scripts/lib/catalogs.mjs');
const [mb, mem] = process.argv.slice(2).map(Number);
const pool = new CatalogPool({ threads: 1, maxWorkerMemoryMb: mem });
const bytes = zipBomb(mb * 1024 * 1024);
const t = performance.now();
const r = await pool.validate({ name: 'x.xlsx', bytes }, { limits: { maxZipRatio: 5000 } });
console.log(
  mb,
  mem,
  r.stopped ?? 'ok',
  r.report.error?.code,
  r.report.error?.message?.slice(0, 100),
  Math.round(performance.now() - t) + 'ms',
  'rss',
  Math.round(process.memoryUsage().rss / 1048576),
);
await pool.close();
