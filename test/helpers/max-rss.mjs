// Preloaded into CLI child processes by the hostile-input tests: writes the peak RSS (KiB) at exit.
import { writeFileSync } from 'node:fs';

const target = process.env.GOVCAT_TEST_RSS_FILE;
if (target) process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS)));
