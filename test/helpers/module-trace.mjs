// Preloaded (--import) into a govcat process by test/startup.test.ts: appends the URL of every module the
// process loads — ES modules through a load hook, CommonJS through Module._load — to GOVCAT_TRACE_FILE.
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { pathToFileURL } from 'node:url';

const out = process.env.GOVCAT_TRACE_FILE;
if (out) {
  register(new URL('./module-trace-hooks.mjs', import.meta.url));
  const load = Module._load;
  Module._load = function traced(...args) {
    const [request, parent, isMain] = args;
    const loaded = load.apply(this, args);
    try {
      const file = Module._resolveFilename(request, parent, isMain);
      appendFileSync(out, `${file.startsWith('/') ? pathToFileURL(file).href : file}\n`);
    } catch {
      // a built-in without a file
    }
    return loaded;
  };
}
