// The module hooks of module-trace.mjs (they run on the loader's own thread): record each loaded URL.
import { appendFileSync } from 'node:fs';

export async function load(url, context, next) {
  const result = await next(url, context);
  if (process.env.GOVCAT_TRACE_FILE) appendFileSync(process.env.GOVCAT_TRACE_FILE, `${url}\n`);
  return result;
}
