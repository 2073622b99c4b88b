// Compiled (not run) by test/types.test.ts: the worker protocol's options are derived from the library's, so an
// option is declared once, and they stay plain data a worker thread can receive (no functions).
import type { CompileOptions } from '../../src/compile.js';
import type { SessionOptions } from '../../src/session.js';
import type { ValidateOptions } from '../../src/validate.js';
import type { CompileTaskOptions, TaskOptions } from '../../src/workers/protocol.js';

/** T with every function (at any depth) turned into `never`: T extends Cloneable<T> only without functions. */
type Cloneable<T> = T extends (...args: never[]) => unknown
  ? never
  : T extends object
    ? { [K in keyof T]: Cloneable<T[K]> }
    : T;
type IsCloneable<T> = T extends Cloneable<T> ? true : false;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const taskCloneable: IsCloneable<TaskOptions> = true;
export const compileCloneable: IsCloneable<CompileTaskOptions> = true;
// @ts-expect-error the library's options carry a rule registry (functions): the check can fail
export const sessionCloneable: IsCloneable<SessionOptions> = true;

/** Every session option but the registry reaches a worker, with the library's type. */
export const sessionKeys: Same<
  Exclude<keyof SessionOptions, 'rules'>,
  Exclude<keyof TaskOptions, 'scoringProfile' | 'countSeverities'>
> = true;
export const sameToday: Same<TaskOptions['today'], SessionOptions['today']> = true;
export const sameSeverities: Same<TaskOptions['countSeverities'], ValidateOptions['countSeverities']> = true;
// @ts-expect-error a worker cannot receive the rule registry
export const noRules: TaskOptions = { rules: [] };

/** Compile's own settings are the same fields in the library and in a worker task. */
export const compileKeys: Same<
  Exclude<keyof CompileOptions, keyof SessionOptions>,
  keyof CompileTaskOptions
> = true;
export const sameLock: Same<CompileTaskOptions['lock'], CompileOptions['lock']> = true;
