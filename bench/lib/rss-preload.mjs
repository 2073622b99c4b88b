// Preloaded (--import) into every measured child process: writes its peak RSS (KiB), CPU time (µs) and the
// number of worker threads it started at exit.
import { writeFileSync } from 'node:fs';

const target = process.env.GOVCAT_BENCH_RSS_FILE;
if (target) {
  let workers = 0;
  process.on('worker', () => {
    workers++;
  });
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(target, `${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime} ${workers}`);
  });
}
