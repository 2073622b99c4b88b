// Preloaded (--import) into every measured child process: writes its peak RSS (KiB) and CPU time (µs) at exit.
import { writeFileSync } from 'node:fs';

const target = process.env.GOVCAT_BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(target, `${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime}`);
  });
}
